import { describe, expect, it } from "vitest";
import { getDatabase, getPrisma } from "@/core/registry";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { UsageRecorder } from "@/api-server/verify/usage";
import { createTestAccount, keyInput } from "../support/fixtures";

describe("usage batching", () => {
  it("adds up repeated flushes per key and day, keeps the latest use, and survives a VACUUM", async () => {
    const db = await getDatabase();
    const prisma = await getPrisma();
    const acct = await createTestAccount("Usage");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    const usage = new UsageRecorder(db.sql, 60_000, 1);
    const day = Date.UTC(2026, 10, 24, 12);
    usage.record(key.id, "198.51.100.1", day);
    usage.record(key.id, "198.51.100.2", day + 1000);
    await usage.flush();
    usage.record(key.id, "198.51.100.3", day + 2000);
    usage.record(key.id, "198.51.100.9", day - 5000); // older than what is stored: counted, not "last used"
    await usage.flush(); // vacuumEveryMs = 1: this flush also vacuums
    await usage.vacuum();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { lastUsedAt: true, lastUsedIp: true } });
    expect(row.lastUsedAt?.getTime()).toBe(day + 2000);
    expect(row.lastUsedIp).toBe("198.51.100.3");
    const counts = await prisma.apiKeyUsage.findMany({ where: { apiKeyId: key.id } });
    expect(counts.map((c) => [c.day.toISOString().slice(0, 10), c.count])).toEqual([["2026-11-24", 4]]);
  });

  it("on the timer, counts every flush while requests keep coming but a key's last use waits for its minute; once they stop, the next tick writes it", async () => {
    const db = await getDatabase();
    const prisma = await getPrisma();
    const acct = await createTestAccount("UsageTick");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    // Phase 1: the key's next last use falls due a full minute after its first (not at a random point of it).
    const usage = new UsageRecorder(db.sql, 200, 0, () => 1).start();
    const lastUse = async () => (await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { lastUsedIp: true } })).lastUsedIp;
    const count = async () => (await prisma.apiKeyUsage.findMany({ where: { apiKeyId: key.id } })).reduce((n, c) => n + c.count, 0);
    try {
      usage.record(key.id, "198.51.100.1", Date.now());
      await expect.poll(lastUse, { timeout: 5000 }).toBe("198.51.100.1"); // never written before: the first tick writes it
      const written = await count();
      const busy = setInterval(() => usage.record(key.id, "198.51.100.2", Date.now()), 10);
      try {
        await expect.poll(count, { timeout: 5000 }).toBeGreaterThan(written); // counts go on being written…
        expect(await lastUse()).toBe("198.51.100.1"); // …the last use waits for its minute while requests come
      } finally {
        clearInterval(busy);
      }
      await expect.poll(lastUse, { timeout: 5000 }).toBe("198.51.100.2"); // requests stopped: the next tick writes it
    } finally {
      await usage.stop();
    }
  });
});
