/**
 * Last-used time/IP and per-day counts, batched in memory and written within a second of the requests stopping,
 * every USAGE_FLUSH_MS (default 15 s) while they keep coming, and at shutdown: two set-based statements per flush,
 * however many keys were used, instead of a write per request.
 * A key's last use is written about once a minute (LAST_USE_EVERY_MS, as API users' and OAuth tokens' are):
 * rewriting the wide ApiKey row of every busy key every 5 s was two thirds of a flush, and on the embedded
 * database a flush runs on the event loop (~150–200 ms for 10,000 keys). flush() and stop() write everything.
 *
 * Two things keep those writes from taking a noticeable share of the server while traffic lasts:
 * - a key's first written last use puts its next one at a random point of the coming minute, so keys that came
 *   into use together (a deploy, a restart) do not all fall due at the same flush every minute after;
 * - while requests keep coming, the next flush also waits until the last one's duration is at most WRITE_SHARE
 *   of the time since it started (a 400 ms flush: 20 s), never more than MAX_GAP_MS. Once traffic stops (no
 *   request for a second, or one interval if shorter), the next tick writes everything, last uses not due yet
 *   included: nobody waits for it then, and a server that serves bursts writes between them.
 */
import type { SqlRunner } from "@/core/db/migrate";
import { now as apiNow } from "../clock";

/**
 * One key's usage since the last flush. Nearly always a single UTC day, counted in `day`/`count` without a Map
 * per key; the rare request stamped with another day (midnight, a test clock) goes to `otherDays`.
 */
type Pending = { lastAt: number; lastIp: string | null; day: string; count: number; otherDays: Map<string, number> | null };

const LAST_USE_EVERY_MS = 60_000;
const WRITE_SHARE = 0.02;
const MAX_GAP_MS = 60_000;
/** USAGE_FLUSH_MS when unset: how long counts may wait while requests keep coming (OAuth tokens' last use too). */
export const USAGE_FLUSH_DEFAULT_MS = 15_000;

/**
 * Adds a batch of counts. Rows that exist (every flush of a day after its first) are updated first, in place
 * (the table leaves room on each page for that); only the rest are inserted, for keys that still exist, with
 * ON CONFLICT for a row another instance inserted meanwhile. A plain upsert of every row (each an insert attempt,
 * a conflict and an update) took ~270 ms for 10,000 keys on PGlite; this, with the tables' fillfactor, ~110 ms.
 */
const COUNTS_SQL = `WITH v AS (SELECT id, day::date AS day, n FROM unnest($1::text[], $2::text[], $3::int[]) AS v(id, day, n)),
  updated AS (
    UPDATE "ApiKeyUsage" AS u SET "count" = u."count" + v.n FROM v WHERE u."apiKeyId" = v.id AND u."day" = v.day
    RETURNING u."apiKeyId", u."day"
  )
  INSERT INTO "ApiKeyUsage" ("apiKeyId", "day", "count")
  SELECT v.id, v.day, v.n FROM v
  WHERE NOT EXISTS (SELECT 1 FROM updated WHERE updated."apiKeyId" = v.id AND updated."day" = v.day)
    AND EXISTS (SELECT 1 FROM "ApiKey" k WHERE k."id" = v.id)
  ON CONFLICT ("apiKeyId", "day") DO UPDATE SET "count" = "ApiKeyUsage"."count" + EXCLUDED."count"`;

export class UsageRecorder {
  private pending = new Map<string, Pending>();
  /** Last uses counted but not written yet, and when each key's last use falls due again. */
  private lastUses = new Map<string, { at: number; ip: string | null }>();
  private nextDue = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** The API clock's time of the latest request counted. */
  private lastRecordAt = -Infinity;
  /** When the current run of requests began, and when and how long the last timer-driven write ran (Date.now). */
  private busySince = 0;
  private lastWriteAt = 0;
  private lastWriteMs = 0;
  private ticking = false;
  /** How often the timer looks: every second (or interval, if shorter), to notice quickly that requests stopped. */
  private readonly tickMs: number;
  private day = { start: 0, end: 0, label: "" };

  private lastVacuum = Date.now();

  /**
   * `vacuumEveryMs` > 0 for the embedded database: PGlite runs without autovacuum, so the rows these flushes
   * update would otherwise pile up dead versions for ever.
   */
  constructor(
    private readonly sql: SqlRunner,
    private readonly intervalMs = Number(process.env.USAGE_FLUSH_MS ?? USAGE_FLUSH_DEFAULT_MS),
    private readonly vacuumEveryMs = 0,
    /** Where in the coming minute a key's first written last use puts its next one (0–1; tests fix it). */
    private readonly phase: () => number = Math.random,
  ) {
    this.tickMs = Math.min(intervalMs, 1000);
  }

  start(): this {
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    return this;
  }

  /**
   * A timer tick. Idle (no request for a tick): write everything now. Busy: write once the interval has passed
   * since the run of requests began or the last write, and the last write's duration is WRITE_SHARE of that time.
   */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    const idle = this.lastRecordAt < apiNow() - this.tickMs;
    if (this.pending.size === 0 && this.lastUses.size === 0 && !(idle && this.vacuumDue())) return;
    const started = Date.now();
    if (!idle) {
      const wait = Math.max(this.intervalMs, Math.min(this.lastWriteMs / WRITE_SHARE, MAX_GAP_MS));
      if (started < Math.max(this.lastWriteAt, this.busySince) + wait) return;
    }
    this.ticking = true;
    try {
      // Idle: the last uses not due yet go too, so a burst of traffic leaves nothing to trickle out for a minute.
      await this.queue(idle);
    } catch (e) {
      console.error(`[usage] flush failed: ${(e as Error).message}`);
    } finally {
      this.ticking = false;
      this.lastWriteAt = started;
      this.lastWriteMs = Date.now() - started;
    }
  }

  record(apiKeyId: string, ip: string | null, nowMs: number): void {
    if (nowMs - this.lastRecordAt > this.tickMs) this.busySince = Date.now();
    this.lastRecordAt = nowMs;
    const day = this.dayOf(nowMs);
    const entry = this.pending.get(apiKeyId);
    if (!entry) {
      this.pending.set(apiKeyId, { lastAt: nowMs, lastIp: ip, day, count: 1, otherDays: null });
      return;
    }
    if (nowMs >= entry.lastAt) {
      entry.lastAt = nowMs;
      entry.lastIp = ip;
    }
    if (day === entry.day) entry.count++;
    else {
      entry.otherDays ??= new Map();
      entry.otherDays.set(day, (entry.otherDays.get(day) ?? 0) + 1);
    }
  }

  /** The UTC day label, recomputed only when the day changes (this runs on every verified request). */
  private dayOf(nowMs: number): string {
    if (nowMs < this.day.start || nowMs >= this.day.end) {
      const start = nowMs - (nowMs % 86_400_000);
      this.day = { start, end: start + 86_400_000, label: new Date(start).toISOString().slice(0, 10) };
    }
    return this.day.label;
  }

  /** Writes everything counted so far, last uses included. */
  flush(): Promise<void> {
    return this.queue(true);
  }

  private queue(all: boolean): Promise<void> {
    this.flushing = this.flushing.then(() => this.write(all));
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private vacuumDue(): boolean {
    return this.vacuumEveryMs > 0 && Date.now() - this.lastVacuum >= this.vacuumEveryMs;
  }

  async vacuum(): Promise<void> {
    this.lastVacuum = Date.now();
    await this.sql.exec(`VACUUM "ApiKey", "ApiKeyUsage"`);
  }

  private async write(all: boolean): Promise<void> {
    if (this.vacuumDue()) await this.vacuum();
    const batch = this.pending;
    this.pending = new Map();
    const usageIds: string[] = [], days: string[] = [], counts: number[] = [];
    for (const [id, entry] of batch) {
      const known = this.lastUses.get(id);
      if (!known || entry.lastAt >= known.at) this.lastUses.set(id, { at: entry.lastAt, ip: entry.lastIp });
      usageIds.push(id);
      days.push(entry.day);
      counts.push(entry.count);
      for (const [day, count] of entry.otherDays ?? []) {
        usageIds.push(id);
        days.push(day);
        counts.push(count);
      }
    }
    await this.writeLastUses(all);
    if (usageIds.length === 0) return;
    await this.sql.query(COUNTS_SQL, [usageIds, days, counts]);
  }

  /**
   * The last uses that are due: all of them, or those of keys not written before (or not for a minute) and of
   * keys whose next write has come.
   */
  private async writeLastUses(all: boolean): Promise<void> {
    const now = Date.now();
    const ids: string[] = [], ats: string[] = [], ips: (string | null)[] = [];
    for (const [id, use] of this.lastUses) {
      if (!all && (this.nextDue.get(id) ?? -Infinity) > now) continue;
      ids.push(id);
      ats.push(new Date(use.at).toISOString());
      ips.push(use.ip);
    }
    // A key that has not been used since its write fell due is forgotten: its next use is written at once.
    for (const [id, due] of this.nextDue) if (due <= now && !this.lastUses.has(id)) this.nextDue.delete(id);
    if (ids.length === 0) return;
    for (const id of ids) {
      this.lastUses.delete(id);
      const due = this.nextDue.get(id);
      // A key's first write picks its point in the minute; written early (flush(), an idle tick), it keeps it.
      if (due === undefined) this.nextDue.set(id, now + this.phase() * LAST_USE_EVERY_MS);
      else if (due <= now) this.nextDue.set(id, now + LAST_USE_EVERY_MS);
    }
    // Keys deleted since they were used simply match nothing.
    await this.sql.query(
      `UPDATE "ApiKey" AS k SET "lastUsedAt" = (v.at::timestamptz AT TIME ZONE 'UTC'), "lastUsedIp" = v.ip
       FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, at, ip)
       WHERE k."id" = v.id AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < (v.at::timestamptz AT TIME ZONE 'UTC'))`,
      [ids, ats, ips],
    );
  }
}
