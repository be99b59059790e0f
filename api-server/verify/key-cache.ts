/**
 * The verification API's warm cache of every key (read with plain SQL, paged), kept current by change events.
 *
 * Ordering. Every read (a one-key fetch or a full reload) is stamped with the logical time it STARTED, and every
 * change event with the time it arrived. Events arrive only after their transaction committed, so a read that
 * started after an event's arrival sees that change; a read that started before it may not. Hence: a read's
 * result for a key is applied only if it started after the key's last change event and after the read that
 * produced the current entry. An older read never replaces a newer one; a delete leaves a tombstone (an entry
 * with no record) until a full reload that started after it completes; a reload merges key by key instead of
 * swapping the map, so a key changed while the reload ran keeps its newer state.
 *
 * Misses. Every key is in memory, so an unknown key id is answered at once as not found (as fast as a wrong
 * secret); a background look-up, within a small per-second budget and remembered for a while, only closes the
 * few milliseconds in which another instance's new key has not yet been announced.
 */
import type { SqlRunner } from "@/core/db/migrate";
import { LatestReads } from "./latest-reads";
import { accountOf, LOAD_PAGE, SELECT, toRecord, type AccountInfo, type KeyRecord, type Row } from "./key-record";

export type { KeyRecord };

const LOOKUP_BATCH_MS = 25;

export type KeyCacheOptions = { negativeTtlMs?: number; maxNegative?: number; missLookupsPerSecond?: number };

/** A key's current knowledge: its record, or null for a key known to be deleted (a tombstone). */
type Entry = { record: KeyRecord | null; epoch: number };

export class KeyCache {
  private entries = new Map<string, Entry>();
  /** keyId → logical time of its last change event; pruned by each completed full reload. */
  private invalidated = new Map<string, number>();
  /** Unknown key ids (never seen) → until when to answer "not found" without another look-up. */
  private misses = new Map<string, number>();
  private inflight = new Map<string, Promise<KeyRecord | null>>();
  private queued = new Set<string>();
  /** Ids of the batch being read right now: asked again meanwhile, they are not queued a second time. */
  private lookingUp = new Set<string>();
  private batchTimer: NodeJS.Timeout | null = null;
  private batchRunning: Promise<void> = Promise.resolve();
  /** accountId → its keys' ids, so an account's change (suspend, delete, rename) reaches each of them. */
  private byAccount = new Map<string, Set<string>>();
  /** One shared, immutable AccountInfo per account and state. */
  private accounts = new Map<string, AccountInfo>();
  private keyReads = new LatestReads();
  private accountReads = new LatestReads();
  private clock = 0;
  private live = 0;
  readonly negativeTtlMs: number;
  private readonly maxNegative: number;
  private readonly missBudget: number;
  private budgetSecond = 0;
  private budgetUsed = 0;
  stats = { loads: 0, lookups: 0, refreshes: 0, accountReads: 0, skippedLookups: 0, staleReadsDropped: 0 };

  constructor(
    private readonly sql: SqlRunner,
    options: KeyCacheOptions = {},
  ) {
    this.negativeTtlMs = options.negativeTtlMs ?? 30_000;
    this.maxNegative = options.maxNegative ?? 100_000;
    this.missBudget = options.missLookupsPerSecond ?? Number(process.env.KEY_CACHE_MISS_LOOKUPS ?? 50);
  }

  /** Keys currently known (tombstones excluded). */
  get size() {
    return this.live;
  }

  /** Hot path, synchronous: the record, null when known not to exist, undefined when never heard of. */
  peek(keyId: string): KeyRecord | null | undefined {
    const entry = this.entries.get(keyId);
    if (entry) return entry.record;
    const missUntil = this.misses.get(keyId);
    return missUntil !== undefined && missUntil > Date.now() ? null : undefined;
  }

  /** For an id never heard of: look it up without making the caller wait (budgeted, deduplicated). */
  lookupInBackground(keyId: string): void {
    if (this.queued.has(keyId) || this.lookingUp.has(keyId) || this.inflight.has(keyId) || this.peek(keyId) !== undefined) return;
    if (!this.takeBudget(Date.now())) {
      this.stats.skippedLookups++;
      return;
    }
    // Batched on a timer, not run after this request: the caller never pays for the database, and the request
    // that follows an unknown id is not the one that does either (on PGlite queries run on this thread).
    this.queued.add(keyId);
    this.batchTimer ??= setTimeout(() => {
      this.batchRunning = this.lookUpQueued().catch((e: Error) => console.error(`[keys] look-up failed: ${e.message}`));
    }, LOOKUP_BATCH_MS);
    this.batchTimer.unref?.();
  }

  private async lookUpQueued(): Promise<void> {
    this.batchTimer = null;
    const ids = [...this.queued];
    this.queued.clear();
    const started = ++this.clock;
    this.stats.lookups += ids.length;
    for (const id of ids) this.lookingUp.add(id);
    const { rows } = await this.sql
      .query<Row>(`${SELECT} WHERE k."keyId" = ANY($1::text[])`, [ids])
      .finally(() => ids.forEach((id) => this.lookingUp.delete(id)));
    const found = new Set<string>();
    for (const row of rows) {
      found.add(row.keyId);
      this.apply(row.keyId, this.toRecord(row), started);
    }
    for (const keyId of ids) if (!found.has(keyId)) this.rememberMiss(keyId, started);
  }

  /** Resolves once no background look-up is queued or running (tests and tools: counts then mean something). */
  async settled(): Promise<void> {
    while (this.batchTimer) await new Promise((resolve) => setTimeout(resolve, LOOKUP_BATCH_MS));
    await this.batchRunning;
    await Promise.all([...this.inflight.values()].map((p) => p.catch(() => null)));
  }

  /** Awaitable look-up of one key (tests, tools): the cache's answer once the database has been asked. */
  async get(keyId: string): Promise<KeyRecord | null> {
    const known = this.peek(keyId);
    return known !== undefined ? known : this.lookup(keyId);
  }

  /**
   * A change event for `keyId` (local write-through or NOTIFY): older reads are void from now on; re-read it.
   * Resolves once the cache reflects a read that started after this event — if a newer event for the key came
   * in meanwhile (this instance hears its own NOTIFY too), that one's read, so a caller never returns early.
   */
  async refresh(keyId: string): Promise<void> {
    const at = ++this.clock;
    this.invalidated.set(keyId, at);
    this.misses.delete(keyId);
    const read = this.fetch(keyId, true).catch((e: Error) => this.failClosed([keyId], at, () => this.refresh(keyId), e));
    await this.keyReads.settle(keyId, at, read);
  }

  /**
   * Full reload, merged key by key (see the module comment). Reads in pages of LOAD_PAGE (keyset pagination): on
   * PGlite a single 10,000-row result would grow the WASM heap, which never shrinks, by tens of megabytes.
   */
  async loadAll(): Promise<number> {
    const started = ++this.clock;
    const loaded = new Map<string, KeyRecord>();
    let after = "";
    for (;;) {
      const { rows } = await this.sql.query<Row>(`${SELECT} WHERE k."keyId" > $1 ORDER BY k."keyId" LIMIT ${LOAD_PAGE}`, [after]);
      for (const row of rows) loaded.set(row.keyId, this.toRecord(row));
      if (rows.length < LOAD_PAGE) break;
      after = rows[rows.length - 1]!.keyId;
    }
    for (const [keyId, record] of loaded) this.apply(keyId, record, started);
    for (const [keyId, entry] of this.entries) {
      if (loaded.has(keyId) || entry.epoch > started || (this.invalidated.get(keyId) ?? 0) > started) continue;
      this.entries.delete(keyId); // gone from the database: old tombstones, or deletes whose event was missed
      if (entry.record) {
        this.live--;
        this.byAccount.get(entry.record.account.id)?.delete(keyId);
      }
    }
    for (const [keyId, at] of this.invalidated) if (at < started) this.invalidated.delete(keyId);
    this.misses.clear();
    this.stats.loads++;
    return this.live;
  }

  private lookup(keyId: string): Promise<KeyRecord | null> {
    let pending = this.inflight.get(keyId);
    if (!pending) {
      pending = this.fetch(keyId, false).finally(() => this.inflight.delete(keyId));
      this.inflight.set(keyId, pending);
    }
    return pending;
  }

  /** Reads one key; a missing row becomes a tombstone after a change event, else a short-lived miss. */
  private async fetch(keyId: string, afterChange: boolean): Promise<KeyRecord | null> {
    const started = ++this.clock;
    // Look-ups of ids never heard of are counted apart from re-reads after change events (other writers').
    if (afterChange) this.stats.refreshes++;
    else this.stats.lookups++;
    const row = (await this.sql.query<Row>(`${SELECT} WHERE k."keyId" = $1`, [keyId])).rows[0];
    const record = row ? this.toRecord(row) : null;
    if (record || afterChange || this.entries.has(keyId)) {
      this.apply(keyId, record, started);
    } else {
      this.rememberMiss(keyId, started);
    }
    // A change event came in while this read ran, and its own read has not landed yet: read again rather than
    // answer "unknown" for a key that exists (the caller awaits the cache's answer after that change).
    if (this.peek(keyId) === undefined && (this.invalidated.get(keyId) ?? 0) > started) return this.fetch(keyId, afterChange);
    return this.peek(keyId) ?? null;
  }

  private rememberMiss(keyId: string, readStarted: number): void {
    if (this.entries.has(keyId) || (this.invalidated.get(keyId) ?? 0) > readStarted) return;
    if (this.misses.size >= this.maxNegative) this.misses.delete(this.misses.keys().next().value!);
    this.misses.set(keyId, Date.now() + this.negativeTtlMs);
  }

  /**
   * A re-read after a change failed: fail closed. The keys become tombstones (as good as deleted: 401) until a
   * retry, a NOTIFY or the next reload reads them again; never the state from before the change.
   */
  private failClosed(keyIds: Iterable<string>, at: number, retry: () => Promise<void>, error: Error): void {
    for (const keyId of keyIds) this.apply(keyId, null, at);
    console.error(`[keys] re-read after a change failed, keys refused until it succeeds: ${error.message}`);
    setTimeout(() => void retry().catch(() => {}), 1000).unref();
  }

  /** Applies a read that started at `epoch`, unless a change event or a newer read came after it started. */
  private apply(keyId: string, record: KeyRecord | null, epoch: number): void {
    const current = this.entries.get(keyId);
    if ((this.invalidated.get(keyId) ?? 0) > epoch || (current && current.epoch > epoch)) {
      this.stats.staleReadsDropped++;
      return;
    }
    this.live += (record ? 1 : 0) - (current?.record ? 1 : 0);
    if (current?.record && current.record.account.id !== record?.account.id) this.byAccount.get(current.record.account.id)?.delete(keyId);
    if (record) {
      let keys = this.byAccount.get(record.account.id);
      if (!keys) this.byAccount.set(record.account.id, (keys = new Set()));
      keys.add(keyId);
    }
    this.entries.set(keyId, { record, epoch });
    if (record) this.misses.delete(keyId);
  }

  /**
   * An account changed (suspended, resumed, renamed, deleted): every key of it and of its subaccounts is void
   * from now on and re-read in one query; keys no longer there become tombstones.
   */
  async refreshAccount(accountId: string): Promise<void> {
    const at = ++this.clock;
    const read = this.readAccount(accountId, at).catch((e: Error) =>
      this.failClosed(this.keysOfAccountTree(accountId), at, () => this.refreshAccount(accountId), e),
    );
    await this.accountReads.settle(accountId, at, read);
  }

  /** The cached keys of an account and of its subaccounts. */
  private keysOfAccountTree(accountId: string): Set<string> {
    const affected = new Set(this.byAccount.get(accountId) ?? []);
    for (const [id, keys] of this.byAccount) {
      const sample = keys.values().next().value;
      const parent = sample ? this.entries.get(sample)?.record?.account.parent : undefined;
      if (id !== accountId && parent?.id === accountId) for (const k of keys) affected.add(k);
    }
    return affected;
  }

  private async readAccount(accountId: string, at: number): Promise<void> {
    const affected = this.keysOfAccountTree(accountId);
    for (const keyId of affected) this.invalidated.set(keyId, at);
    const started = ++this.clock;
    this.stats.accountReads++;
    const { rows } = await this.sql.query<Row>(`${SELECT} WHERE a."id" = $1 OR a."parentId" = $1`, [accountId]);
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.keyId);
      this.apply(row.keyId, this.toRecord(row), started);
    }
    for (const keyId of affected) if (!seen.has(keyId)) this.apply(keyId, null, started);
  }

  /** A record whose AccountInfo is shared with the account's other keys while the account is unchanged. */
  private toRecord(row: Row): KeyRecord {
    const fresh = accountOf(row);
    const known = this.accounts.get(fresh.id);
    const same = known && JSON.stringify(known) === JSON.stringify(fresh);
    if (!same) this.accounts.set(fresh.id, fresh);
    return toRecord(row, same ? known : fresh);
  }

  private takeBudget(nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.budgetSecond) {
      this.budgetSecond = second;
      this.budgetUsed = 0;
    }
    if (this.budgetUsed >= this.missBudget) return false;
    this.budgetUsed++;
    return true;
  }
}
