/**
 * How often the usage recorder writes while traffic lasts (api-server/verify/usage.ts), on a fake clock and a
 * fake database that records each statement and can take a set time: writes keep to their share of the time,
 * a pause in traffic writes at once, and keys first used together fall due at different flushes afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UsageRecorder } from "@/api-server/verify/usage";
import type { SqlRunner } from "@/core/db/migrate";

type Statement = { at: number; kind: "counts" | "last-use" | "other"; ids: string[] };

function fakeDatabase(msPerStatement: number) {
  const statements: Statement[] = [];
  const sql: SqlRunner = {
    async query<T>(text: string, params?: unknown[]) {
      const kind = text.includes(`INSERT INTO "ApiKeyUsage"`) ? "counts" : text.includes(`UPDATE "ApiKey"`) ? "last-use" : "other";
      statements.push({ at: Date.now(), kind, ids: (params?.[0] as string[]) ?? [] });
      // The statement "runs" for a while: the clock moves on without firing timers, as a busy event loop would.
      vi.setSystemTime(Date.now() + msPerStatement);
      return { rows: [] as T[] };
    },
    async exec() {},
  };
  return { sql, statements, counts: () => statements.filter((s) => s.kind === "counts") };
}

/** Requests for `keys` every `everyMs` for `forMs`, with the fake clock running. */
async function traffic(usage: UsageRecorder, keys: string[], forMs: number, everyMs = 100) {
  for (let t = 0; t < forMs; t += everyMs) {
    for (const key of keys) usage.record(key, "198.51.100.7", Date.now());
    await vi.advanceTimersByTimeAsync(everyMs);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 10, 27, 12));
});
afterEach(() => vi.useRealTimers());

describe("usage write budget", () => {
  it("while traffic lasts, waits until a slow flush is at most 2 % of the time; after traffic stops, writes at the next tick", async () => {
    const db = fakeDatabase(100); // two statements per flush: 200 ms of database work
    const usage = new UsageRecorder(db.sql, 500, 0, () => 1).start();
    const t0 = Date.now();
    await traffic(usage, ["key-a", "key-b"], 10_000);
    // The first tick (at 0.5 s) wrote last uses, then counts; 200 ms of work buys 10 s of quiet, so no other
    // tick before ~10.5 s wrote.
    expect(db.counts().map((s) => s.at - t0)).toEqual([600]);
    await traffic(usage, ["key-a"], 2_000);
    const during = db.counts().map((s) => s.at - t0);
    expect(during).toHaveLength(2);
    expect(during[1]).toBeGreaterThanOrEqual(10_500);
    expect(during[1]).toBeLessThanOrEqual(11_100);
    // Traffic stops at 12 s; the budget would wait until ~21 s, but an idle server writes at once.
    await vi.advanceTimersByTimeAsync(1_500);
    const after = db.counts().map((s) => s.at - t0);
    expect(after).toHaveLength(3);
    expect(after[2]).toBeLessThanOrEqual(13_500);
    expect(db.counts()[2]!.ids).toEqual(["key-a"]);
    await usage.stop();
  });

  it("writes a burst shorter than the interval once, within a second of its end; a long run every interval", async () => {
    const db = fakeDatabase(0);
    const usage = new UsageRecorder(db.sql, 15_000).start();
    const t0 = Date.now();
    await traffic(usage, ["key-a"], 8_000);
    expect(db.counts()).toHaveLength(0); // nothing written while the burst lasts…
    await vi.advanceTimersByTimeAsync(2_000);
    expect(db.counts().map((s) => s.at - t0)).toEqual([9_000]); // …and all of it a second after
    await traffic(usage, ["key-a"], 40_000);
    const run = db.counts().slice(1).map((s) => s.at - t0);
    // The run began at 10 s: writes at 25 s and 40 s (each a full interval after the last), none in between.
    expect(run).toEqual([25_000, 40_000]);
    await usage.stop();
  });

  it("with a fast database, counts are written at every interval while traffic lasts", async () => {
    const db = fakeDatabase(0);
    const usage = new UsageRecorder(db.sql, 500).start();
    await traffic(usage, ["key-a"], 5_000);
    expect(db.counts().length).toBeGreaterThanOrEqual(9);
    await usage.stop();
  });

  it("spreads keys first used together over the minute after their first write, then writes each about once a minute", async () => {
    const db = fakeDatabase(0);
    let slot = 0;
    const usage = new UsageRecorder(db.sql, 5_000, 0, () => (slot++ % 12) / 12).start();
    const keys = Array.from({ length: 120 }, (_, i) => `key-${i}`);
    await traffic(usage, keys, 150_000, 250);
    const lastUses = db.statements.filter((s) => s.kind === "last-use");
    expect(lastUses[0]!.ids).toHaveLength(120); // first use: every key at the first flush
    // Afterwards no flush carries more than one slot's share (10 keys) plus rounding at the slot edges.
    for (const s of lastUses.slice(1)) expect(s.ids.length).toBeLessThanOrEqual(20);
    expect(lastUses.length).toBeGreaterThan(12);
    // Every key is written again within its minute, and from then on never sooner than a minute after.
    for (const key of keys) {
      const times = lastUses.filter((s) => s.ids.includes(key)).map((s) => s.at);
      expect(times[1]! - times[0]!).toBeLessThanOrEqual(65_000);
      for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(60_000);
    }
    // Traffic stops: the next tick writes every last use still waiting, in one statement, and then nothing is left.
    const before = lastUses.length;
    await vi.advanceTimersByTimeAsync(7_000);
    const idle = db.statements.filter((s) => s.kind === "last-use").slice(before);
    expect(idle).toHaveLength(1);
    expect(idle[0]!.ids.length).toBeGreaterThan(100);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(db.statements.filter((s) => s.kind === "last-use")).toHaveLength(before + 1);
    await usage.stop();
  });
});
