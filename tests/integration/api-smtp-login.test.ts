/**
 * SMTP credentials (Mailjet's convention): user name = the key id, password = the key. The platform's mail server
 * checks a login with POST /api/v1/keys/verify { username, key, requiredScopes: ["smtp"] }.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { startTestApi, verifyCall, type TestApi } from "../support/api-server";

let api: TestApi;
let acct: TestAccount;
let mailServer: string;
beforeAll(async () => {
  api = await startTestApi({ limits: { maxAuthFailures: 10_000, redisUrl: undefined } });
  acct = await createTestAccount("Smtp");
  mailServer = (await createApiKey(acct.ctx.owner, keyInput({ name: "Mail server", scopes: ["keys:verify"] }))).plaintextKey;
});
afterAll(() => api.close());

describe("SMTP login check", () => {
  it("the pair (key id, key) of a key with the smtp scope is VALID", async () => {
    const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput({ scopes: ["smtp"] }));
    const res = await verifyCall(api.url, mailServer, { username: key.keyId, key: plaintextKey, requiredScopes: ["smtp"] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, code: "VALID", keyId: key.keyId, scopes: ["smtp"] });
  });

  it("a user name that is not the key's id is NOT_FOUND, even with the right key", async () => {
    const [a, b] = await Promise.all([1, 2].map(() => createApiKey(acct.ctx.owner, keyInput({ scopes: ["smtp"] }))));
    const res = await verifyCall(api.url, mailServer, { username: b!.key.keyId, key: a!.plaintextKey, requiredScopes: ["smtp"] });
    expect(res.body).toStrictEqual({ valid: false, code: "NOT_FOUND", accountId: null, account: null, keyId: null, scopes: [], permissions: [], expiresAt: null });
  });

  it("a key without the smtp scope is INSUFFICIENT_SCOPE", async () => {
    const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput({ scopes: ["subscribers"] }));
    const res = await verifyCall(api.url, mailServer, { username: key.keyId, key: plaintextKey, requiredScopes: ["smtp"] });
    expect(res.body).toMatchObject({ valid: false, code: "INSUFFICIENT_SCOPE", missingScopes: ["smtp"] });
  });

  it("an oversized user name is a 400 with a field error", async () => {
    const res = await verifyCall(api.url, mailServer, { username: "x".repeat(65), key: "k", requiredScopes: ["smtp"] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty("username");
  });
});
