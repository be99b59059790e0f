/**
 * The per-account key limit (the account row is locked FOR UPDATE before count-then-insert).
 *
 * The concurrency races run on PostgreSQL only. PGlite is one session: its transactions run one at a time, so
 * creates there can never overlap and a race test could not fail even without the lock. On PostgreSQL (READ
 * COMMITTED, a pool of connections) the creates really overlap, and without the lock more than the limit get in.
 * Set DATABASE_URL to a postgres URL to run them. The sequential and per-account checks run on both databases.
 */
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import { createApiKey, deleteApiKey, type IssuedKey } from "@/modules/api-keys/data/mutations";
import { getApiKeyQuota } from "@/modules/api-keys/data/queries";
import { LimitError } from "@/lib/errors";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";

const ON_POSTGRES = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const PGLITE_REASON = "PGlite runs transactions one at a time: a race there cannot fail (set DATABASE_URL to PostgreSQL)";

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

describe.skipIf(!ON_POSTGRES)(`API key limit under concurrent creates (PostgreSQL only; ${PGLITE_REASON})`, () => {
  it("50 concurrent creates on a 15-key account: exactly 15 succeed, 35 hit LimitError", async () => {
    const acct = await createTestAccount("Burst", 15);
    // All 50 calls start in the same tick, each through the real createApiKey (its own transaction).
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createApiKey(acct.ctx[i % 2 ? "admin" : "owner"], keyInput({ name: `Burst ${i}` }))),
    );
    const { fulfilled, rejected } = outcome(results);
    expect(fulfilled).toHaveLength(15);
    expect(rejected).toHaveLength(35);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(LimitError);
      expect((r.reason as Error).message).toContain("15 of 15");
    }
    expect(await counts(acct)).toEqual({ keys: 15, created: 15 });
    expect(await getApiKeyQuota(acct.ctx.owner)).toEqual({ used: 15, max: 15 });
    // Every success issued a distinct key.
    expect(new Set(fulfilled.map((r) => r.value.key.keyId)).size).toBe(15);
  });

  it("two accounts bursting at once: each gets exactly its own limit", async () => {
    const [full, other] = await Promise.all([createTestAccount("Full", 15), createTestAccount("Other", 15)]);
    const fullCalls: Promise<IssuedKey>[] = [];
    const otherCalls: Promise<IssuedKey>[] = [];
    // Interleaved: both accounts' transactions are in flight together.
    for (let i = 0; i < 40; i++) {
      fullCalls.push(createApiKey(full.ctx.owner, keyInput({ name: `Full ${i}` })));
      if (i % 2 === 0) otherCalls.push(createApiKey(other.ctx.owner, keyInput({ name: `Other ${i}` })));
    }
    const [fullRes, otherRes] = await Promise.all([Promise.allSettled(fullCalls), Promise.allSettled(otherCalls)]);
    expect(outcome(fullRes).fulfilled).toHaveLength(15);
    expect(outcome(fullRes).rejected).toHaveLength(25);
    expect(outcome(otherRes).fulfilled).toHaveLength(15);
    expect(outcome(otherRes).rejected).toHaveLength(5);
    expect(await counts(full)).toEqual({ keys: 15, created: 15 });
    expect(await counts(other)).toEqual({ keys: 15, created: 15 });
  });
});

describe("API key limit (both databases)", () => {
  it("another account's creates at the same time are not affected by the first's limit", async () => {
    const [full, other] = await Promise.all([createTestAccount("Full", 15), createTestAccount("Other", 15)]);
    const fullCalls: Promise<IssuedKey>[] = [];
    const otherCalls: Promise<IssuedKey>[] = [];
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
    expect((error as Error).message).toBe("This account already has 15 of 15 API keys. Delete a key before creating another.");
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
