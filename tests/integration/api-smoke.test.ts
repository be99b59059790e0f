import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, setApiKeyEnabled } from "@/lib/api-keys/mutations";
import { createTestAccount, keyInput } from "../support/fixtures";
import { basic, startTestApi, type TestApi } from "../support/api-server";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe("verification API smoke", () => {
  it("answers whoami for a fresh key, then 403 once disabled", async () => {
    const acct = await createTestAccount();
    const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Smoke" }));
    const ok = await fetch(`${api.url}/api/v1/whoami`, { headers: { authorization: basic(plaintextKey) } });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.key.keyId).toBe(key.keyId);
    expect(body.account.id).toBe(acct.accountId);
    await setApiKeyEnabled(acct.ctx.owner, key.id, false);
    const off = await fetch(`${api.url}/api/v1/whoami`, { headers: { authorization: `Bearer ${plaintextKey}` } });
    expect(off.status).toBe(403);
    expect((await off.json()).code).toBe("DISABLED");
    const none = await fetch(`${api.url}/api/v1/whoami`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Basic realm="api"');
  });
});
