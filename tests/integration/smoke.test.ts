import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/mutations";
import { listApiKeys } from "@/lib/api-keys/queries";
import { createTestAccount, keyInput } from "../support/fixtures";

describe("harness", () => {
  it("creates and lists a key in a fresh database", async () => {
    const acct = await createTestAccount();
    const issued = await createApiKey(acct.ctx.owner, keyInput({ name: "Smoke" }));
    const keys = await listApiKeys(acct.ctx.developer);
    expect(keys.map((k) => k.name)).toEqual(["Smoke"]);
    expect(issued.plaintextKey.startsWith(keys[0]!.keyId + ".")).toBe(true);
  });
});
