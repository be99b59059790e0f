import { describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import { createApiKey, deleteApiKey, type IssuedKey } from "@/modules/api-keys/data/mutations";
import { getApiKeyQuota } from "@/modules/api-keys/data/queries";
import { LimitError } from "@/lib/errors";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";

/** The per-account key limit must hold under concurrency (the account row is locked FOR UPDATE). */
async function counts(acct: TestAccount) {
  const prisma = await getPrisma();
  const [keys, created] = await Promise.all([
    prisma.apiKey.count({ where: { accountId: acct.accountId } }),
    prisma.auditEvent.count({ where: { accountId: acct.accountId, action: "api_key.created" } }),
  ]);
  return { keys, created };
}

function outcome(results: PromiseSettledResult<IssuedKey>[]) {
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<IssuedKey> => r.status === "fulfilled");
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  return { fulfilled, rejected };
}

describe("API key limit", () => {
  it("30 concurrent creates on a 15-key account: exactly 15 succeed, 15 hit LimitError", async () => {
    const acct = await createTestAccount("Burst", 15);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => createApiKey(acct.ctx[i % 2 ? "admin" : "owner"], keyInput({ name: `Burst ${i}` }))),
    );
    const { fulfilled, rejected } = outcome(results);
    expect(fulfilled).toHaveLength(15);
    expect(rejected).toHaveLength(15);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(LimitError);
      expect((r.reason as Error).message).toContain("15 of 15");
    }
    expect(await counts(acct)).toEqual({ keys: 15, created: 15 });
    expect(await getApiKeyQuota(acct.ctx.owner)).toEqual({ used: 15, max: 15 });
    // Every success issued a distinct key.
    expect(new Set(fulfilled.map((r) => r.value.key.keyId)).size).toBe(15);
  });

  it("another account's burst at the same time is not affected by the first's limit", async () => {
    const [full, other] = await Promise.all([createTestAccount("Full", 15), createTestAccount("Other", 15)]);
    const fullCalls: Promise<IssuedKey>[] = [];
    const otherCalls: Promise<IssuedKey>[] = [];
    // Interleaved: both accounts' transactions are in flight together.
    for (let i = 0; i < 30; i++) {
      fullCalls.push(createApiKey(full.ctx.owner, keyInput({ name: `Full ${i}` })));
      if (i % 3 === 0) otherCalls.push(createApiKey(other.ctx.owner, keyInput({ name: `Other ${i}` })));
    }
    const [fullRes, otherRes] = await Promise.all([Promise.allSettled(fullCalls), Promise.allSettled(otherCalls)]);
    expect(outcome(otherRes).fulfilled).toHaveLength(10);
    expect(outcome(otherRes).rejected).toEqual([]);
    expect(outcome(fullRes).fulfilled).toHaveLength(15);
    expect(outcome(fullRes).rejected).toHaveLength(15);
    expect(await counts(full)).toEqual({ keys: 15, created: 15 });
    expect(await counts(other)).toEqual({ keys: 10, created: 10 });
  });

  it("sequentially: the 16th create is refused with a message naming the limit; deleting one frees a slot", async () => {
    const acct = await createTestAccount("Sequential", 15);
    const issued: IssuedKey[] = [];
    for (let i = 0; i < 15; i++) issued.push(await createApiKey(acct.ctx.owner, keyInput({ name: `Seq ${i}` })));

    const error = await createApiKey(acct.ctx.owner, keyInput({ name: "Seq 16" })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LimitError);
    expect((error as Error).message).toMatch(/\b15\b/);
    expect(await counts(acct)).toEqual({ keys: 15, created: 15 });

    await deleteApiKey(acct.ctx.owner, issued[0]!.key.id, "Seq 0");
    const again = await createApiKey(acct.ctx.owner, keyInput({ name: "Seq 16" }));
    expect(again.key.name).toBe("Seq 16");
    expect(await counts(acct)).toEqual({ keys: 15, created: 16 });
  });

  it("the limit is the account's own maxApiKeys, not a constant", async () => {
    const acct = await createTestAccount("Small", 2);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createApiKey(acct.ctx.owner, keyInput())));
    const { fulfilled, rejected } = outcome(results);
    expect(fulfilled).toHaveLength(2);
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual(Array(3).fill(expect.stringContaining("2 of 2")));
    expect(await counts(acct)).toEqual({ keys: 2, created: 2 });
  });
});
