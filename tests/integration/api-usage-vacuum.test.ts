import { describe, expect, it } from "vitest";
import { getDatabase, getPrisma } from "@/core/registry";
import { createApiKey, deleteApiKey } from "@/modules/api-keys/data/mutations";
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

  it("adds a batch where some days' rows exist and some do not, drops a deleted key's counts, and loses nothing when two recorders flush at once", async () => {
    const db = await getDatabase();
    const prisma = await getPrisma();
    const acct = await createTestAccount("UsageMix");
    const [k1, k2, k3] = await Promise.all([1, 2, 3].map(async () => (await createApiKey(acct.ctx.owner, keyInput())).key));
    const day = Date.UTC(2026, 10, 24, 12);
    const next = day + 86_400_000;
    const a = new UsageRecorder(db.sql, 60_000);
    const b = new UsageRecorder(db.sql, 60_000);
    const times = (recorder: UsageRecorder, id: string, at: number, n: number) => {
      for (let i = 0; i < n; i++) recorder.record(id, "198.51.100.1", at + i);
    };
    times(a, k1!.id, day, 2);
    await a.flush(); // k1's row for the day now exists: the next flush updates it
    times(a, k1!.id, day, 3);
    times(a, k1!.id, next, 1); // the same key's next day: a new row in the same batch
    times(a, k2!.id, day, 5); // a key's first count
    times(a, k3!.id, day, 4);
    await deleteApiKey(acct.ctx.owner, k3!.id, k3!.name); // deleted before the write: its counts go nowhere
    await a.flush();
    // Both recorders insert the same new row, then both update it: every count lands exactly once.
    times(a, k2!.id, next, 7);
    times(b, k2!.id, next, 7);
    await Promise.all([a.flush(), b.flush()]);
    times(a, k2!.id, next, 1);
    times(b, k2!.id, next, 1);
    await Promise.all([a.flush(), b.flush()]);
    const rows = await prisma.apiKeyUsage.findMany({ where: { apiKey: { accountId: acct.accountId } }, orderBy: [{ apiKeyId: "asc" }, { day: "asc" }] });
    const shown = (id: string) => rows.filter((r) => r.apiKeyId === id).map((r) => [r.day.toISOString().slice(0, 10), r.count]);
    expect(shown(k1!.id)).toEqual([["2026-11-24", 5], ["2026-11-25", 1]]);
    expect(shown(k2!.id)).toEqual([["2026-11-24", 5], ["2026-11-25", 16]]);
    expect(await prisma.apiKeyUsage.count({ where: { apiKeyId: k3!.id } })).toBe(0); // skipped, and the flush did not fail on it
    // The migration leaves room on each page for those in-place updates (see its comment).
    const options = await db.sql.query<{ relname: string; reloptions: string[] }>(
      `SELECT relname, reloptions FROM pg_class WHERE relname IN ('ApiKey', 'ApiKeyUsage') ORDER BY relname`,
    );
    expect(options.rows).toEqual([
      { relname: "ApiKey", reloptions: ["fillfactor=80"] },
      { relname: "ApiKeyUsage", reloptions: ["fillfactor=50"] },
    ]);
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
