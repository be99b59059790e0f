/**
 * Key names are unique per account, ignoring case: a clear field error on create and on rename, nothing
 * written, and two saves racing for one name leave exactly one (the unique index decides).
 */
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { createApiKey, updateApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, snapshotAccount } from "../support/fixtures";

const TAKEN = (name: string) => ({ name: [`This account already has a key named “${name}”. Choose another name.`] });

describe("unique key names", () => {
  it.each(["CRM sync", "crm SYNC", "  CRM sync  "])("creating %j next to “CRM sync” is a field error and writes nothing", async (name) => {
    const acct = await createTestAccount("Names");
    await createApiKey(acct.ctx.owner, keyInput({ name: "CRM sync" }));
    const before = await snapshotAccount(acct.accountId);
    const error = await createApiKey(acct.ctx.owner, keyInput({ name })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual(TAKEN(name.trim()));
    expect(await snapshotAccount(acct.accountId)).toEqual(before);
  });

  it("another account may use the same name", async () => {
    const [a, b] = [await createTestAccount("Names"), await createTestAccount("Names")];
    await createApiKey(a.ctx.owner, keyInput({ name: "CRM sync" }));
    await expect(createApiKey(b.ctx.owner, keyInput({ name: "CRM sync" }))).resolves.toMatchObject({ key: { name: "CRM sync" } });
  });

  it("renaming onto another key's name is refused; keeping one's own name (in any case) is fine", async () => {
    const acct = await createTestAccount("Names");
    await createApiKey(acct.ctx.owner, keyInput({ name: "Shop" }));
    const { key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Blog" }));
    const error = await updateApiKey(acct.ctx.owner, key.id, keyInput({ name: "SHOP" })).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual(TAKEN("SHOP"));
    await expect(updateApiKey(acct.ctx.owner, key.id, keyInput({ name: "BLOG" }))).resolves.toMatchObject({ name: "BLOG" });
  });

  it("10 concurrent creates of one name: exactly one is created, the others get the field error", async () => {
    const acct = await createTestAccount("Names");
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => createApiKey(acct.ctx.owner, keyInput({ name: i % 2 ? "Race" : "RACE" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(ValidationError);
      expect(Object.keys((r.reason as ValidationError).fieldErrors ?? {})).toEqual(["name"]);
    }
    expect((await snapshotAccount(acct.accountId)).keys).toHaveLength(1);
  });

  it("10 concurrent renames of different keys onto one name: exactly one succeeds", async () => {
    const acct = await createTestAccount("Names");
    const keys = await Promise.all(Array.from({ length: 10 }, (_, i) => createApiKey(acct.ctx.owner, keyInput({ name: `Key ${i}` }))));
    const results = await Promise.allSettled(keys.map(({ key }) => updateApiKey(acct.ctx.owner, key.id, keyInput({ name: "Target" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof ValidationError)).toBe(true);
    expect((await snapshotAccount(acct.accountId)).keys.filter((k) => k.name === "Target")).toHaveLength(1);
  });
});
