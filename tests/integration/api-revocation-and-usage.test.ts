/** Revocation across two API instances sharing one database, usage batching, and the negative cache. */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChangeSink } from "@/core/registry";
import { getPrisma } from "@/core/registry";
import { BASE62, checksum } from "@/core/secrets/key-format";
import { createApiKey, deleteApiKey, rotateApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { CHANGE_PROPAGATION_BOUND_MS } from "@/api-server/verify/change-follower";
import { basic, startTestApi, verifyCall, waitFor, whoami, type TestApi } from "../support/api-server";

let a: TestApi; // started first: the mutations refresh its cache directly (write-through)
let b: TestApi; // learns about changes through LISTEN/NOTIFY only
let acct: TestAccount;
const limits = { maxAuthFailures: 10_000, redisUrl: undefined };
beforeAll(async () => {
  a = await startTestApi({ limits });
  b = await startTestApi({ limits });
  acct = await createTestAccount("Revocation");
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const status = async (api: TestApi, key: string) => (await whoami(api.url, basic(key))).status;
/**
 * B learns of changes only through LISTEN/NOTIFY. Rather than polling B until it agrees (which would let seconds
 * of stale answers pass), each check waits the documented bound once and asserts B's very first request.
 */
const afterBound = () => new Promise((resolve) => setTimeout(resolve, CHANGE_PROPAGATION_BOUND_MS));

describe("revocation across instances", () => {
  it("uses A as the write-through instance", () => {
    expect(getChangeSink()).toBe(a.instance.sink);
  });

  it("disables a key at once on A and on B's first request after the bound, and re-enables it", async () => {
    const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput());
    expect(await status(a, plaintextKey)).toBe(200);
    await afterBound();
    expect(await status(b, plaintextKey)).toBe(200);
    await setApiKeyEnabled(acct.ctx.owner, key.id, false);
    const onA = await whoami(a.url, basic(plaintextKey));
    expect(onA.status).toBe(403);
    expect(onA.body.code).toBe("DISABLED");
    await afterBound();
    const onB = await whoami(b.url, basic(plaintextKey));
    expect(onB.status).toBe(403);
    expect(onB.body.code).toBe("DISABLED");

    await setApiKeyEnabled(acct.ctx.owner, key.id, true);
    expect(await status(a, plaintextKey)).toBe(200);
    await afterBound();
    expect(await status(b, plaintextKey)).toBe(200);
  });

  it("rejects a deleted key with 401: at once on A, on B's first request after the bound", async () => {
    const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput());
    expect(await status(a, plaintextKey)).toBe(200);
    await afterBound();
    expect(await status(b, plaintextKey)).toBe(200);
    await deleteApiKey(acct.ctx.owner, key.id, key.name);
    expect(await status(a, plaintextKey)).toBe(401);
    await afterBound();
    expect(await status(b, plaintextKey)).toBe(401);
  });

  it("drops the old secret of a key rotated with 'now' on both, and accepts the new one", async () => {
    const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput());
    expect(await status(a, plaintextKey)).toBe(200);
    await afterBound();
    expect(await status(b, plaintextKey)).toBe(200);
    const rotated = await rotateApiKey(acct.ctx.owner, key.id, "now");
    expect(await status(a, plaintextKey)).toBe(401);
    expect(await status(a, rotated.plaintextKey)).toBe(200);
    await afterBound();
    expect(await status(b, plaintextKey)).toBe(401);
    expect(await status(b, rotated.plaintextKey)).toBe(200);
  });
});

async function usageOf(id: string, day: string) {
  const prisma = await getPrisma();
  const [key, usage] = await Promise.all([
    prisma.apiKey.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true, lastUsedIp: true } }),
    prisma.apiKeyUsage.findUnique({ where: { apiKeyId_day: { apiKeyId: id, day: new Date(`${day}T00:00:00Z`) } } }),
  ]);
  return { ...key, count: usage?.count ?? 0 };
}
const todayUtc = () => new Date().toISOString().slice(0, 10);

describe("usage recording", () => {
  it("writes last use and the day's count in the background", async () => {
    const u = await startTestApi({ usageFlushMs: 200, limits });
    try {
      const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput());
      await afterBound(); // U is not the write-through instance: it hears of the new key by NOTIFY
      const before = Date.now();
      const day = todayUtc();
      for (let i = 0; i < 3; i++) expect(await status(u, plaintextKey)).toBe(200);
      const { value } = await waitFor(async () => {
        const usage = await usageOf(key.id, day);
        return usage.count >= 3 && usage.lastUsedAt ? usage : undefined;
      }, { what: "usage flushed" });
      expect(value.count).toBe(3);
      expect(value.lastUsedIp).toBe("127.0.0.1");
      expect(value.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(value.lastUsedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    } finally {
      await u.close();
    }
  });

  it("writes on flush() and on stop(), recording the verified client's address", async () => {
    const day = todayUtc();
    const caller = await createApiKey(acct.ctx.owner, keyInput({ scopes: ["keys:verify"] }));
    const target = await createApiKey(acct.ctx.owner, keyInput());
    expect(await status(a, target.plaintextKey)).toBe(200);
    expect((await verifyCall(a.url, caller.plaintextKey, { key: target.plaintextKey, ip: "2001:DB8:0::17" })).body.code).toBe("VALID");
    expect((await usageOf(target.key.id, day)).count).toBe(0); // A flushes every 60 s only
    await a.instance.usage.flush();
    expect(await usageOf(target.key.id, day)).toMatchObject({ count: 2, lastUsedIp: "2001:db8::17" });
    expect(await usageOf(caller.key.id, day)).toMatchObject({ count: 1, lastUsedIp: "127.0.0.1" });

    const s = await startTestApi({ limits });
    for (let i = 0; i < 2; i++) expect(await status(s, target.plaintextKey)).toBe(200);
    await s.close();
    expect(await usageOf(target.key.id, day)).toMatchObject({ count: 4, lastUsedIp: "127.0.0.1" });
  });
});

describe("negative cache", () => {
  const rand62 = (n: number) => Array.from(crypto.randomBytes(n), (x) => BASE62[x % 62]).join("");

  it("looks an unknown key id up once, and a malformed key never", async () => {
    const keyId = `dc_${rand62(16)}`;
    const random = rand62(33);
    const unknown = `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
    await a.instance.cache.settled(); // an earlier test's background look-up must not land in this count
    const before = a.instance.cache.stats.lookups;
    for (let batch = 0; batch < 5; batch++) {
      const statuses = await Promise.all(Array.from({ length: 10 }, () => status(a, unknown)));
      expect(statuses).toEqual(Array(10).fill(401));
    }
    // The look-up runs in the background: wait for it, or it may land (and count) during the next loop.
    await a.instance.cache.settled();
    expect(a.instance.cache.stats.lookups - before).toBe(1);

    const badChecksum = `${unknown.slice(0, -1)}${unknown.endsWith("A") ? "B" : "A"}`;
    const afterUnknown = a.instance.cache.stats.lookups;
    for (let i = 0; i < 10; i++) expect(await status(a, badChecksum)).toBe(401);
    expect(a.instance.cache.stats.lookups).toBe(afterUnknown);
  });
});
