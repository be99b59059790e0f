/**
 * API users (HTTP Basic with a generated user name and a password) as the API sees them: read on first use, kept
 * current by the same change events as keys (core/events.ts: one API user changed, one account changed).
 *
 * Ordering follows the key cache (key-cache.ts): every read is stamped with the logical time it started and is
 * applied only if no change event for that user arrived after it started, so a read racing a disable or a delete
 * can never bring the old state back. Entries also expire after MAX_AGE_MS, the bound if an event were missed.
 *
 * Passwords are argon2id hashes (tens of milliseconds to check). A verified credential is remembered for
 * MEMO_TTL_MS as HMAC(pepper, user name, stored hash, password) — never the password — and forgotten the moment
 * the user changes, so the next request after a disable, delete or new password pays the full check again.
 */
import crypto from "node:crypto";
import type { SqlRunner } from "@/core/db/migrate";
import { equalBytes } from "@/core/secrets/hash";
import { verifyPassword } from "@/core/secrets/password";
import { LatestReads } from "./latest-reads";
import { ACCOUNT_COLUMNS, accountOf, type AccountInfo } from "./key-record";

export type ApiUserRecord = { id: string; username: string; enabled: boolean; passwordHash: string; account: AccountInfo };

type Entry = { record: ApiUserRecord | null; epoch: number; readAt: number };

const MAX_AGE_MS = 5 * 60_000;
const NEGATIVE_TTL_MS = 30_000;
const MEMO_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 50_000;
const TOUCH_EVERY_MS = 60_000;

const SELECT = `SELECT u."id", u."username", u."enabled", u."passwordHash",
  ${ACCOUNT_COLUMNS}
  FROM "ApiUser" u JOIN "Account" a ON a."id" = u."accountId" AND a."deletedAt" IS NULL
  LEFT JOIN "Account" p ON p."id" = a."parentId"`;

type Row = { id: string; username: string; enabled: boolean; passwordHash: string } & Parameters<typeof accountOf>[0];

export type ApiUserCheck = { code: "VALID" | "DISABLED" | "ACCOUNT_SUSPENDED"; user: ApiUserRecord } | { code: "NOT_FOUND" };

export class ApiUserCache {
  private entries = new Map<string, Entry>();
  private invalidated = new Map<string, number>();
  private memo = new Map<string, { digest: Buffer; passwordHash: string; until: number }>();
  private inflight = new Map<string, Promise<ApiUserRecord | null>>();
  private reads = new LatestReads();
  private touched = new Map<string, number>();
  private clock = 0;
  stats = { reads: 0, passwordChecks: 0, memoHits: 0 };

  constructor(
    private readonly sql: SqlRunner,
    private readonly pepper: crypto.KeyObject,
  ) {}

  /** Checks a user name and password. Wrong password and unknown user both answer NOT_FOUND (one 401). */
  async check(username: string, password: string): Promise<ApiUserCheck> {
    const user = await this.get(username);
    if (!user) {
      await verifyPassword(null, password); // as slow as a wrong password, so user names cannot be probed by timing
      return { code: "NOT_FOUND" };
    }
    if (!(await this.passwordMatches(user, password))) return { code: "NOT_FOUND" };
    if (!user.enabled) return { code: "DISABLED", user };
    if (user.account.status !== "active") return { code: "ACCOUNT_SUSPENDED", user };
    return { code: "VALID", user };
  }

  private async passwordMatches(user: ApiUserRecord, password: string): Promise<boolean> {
    const digest = crypto.createHmac("sha256", this.pepper).update(`${user.username}\0${user.passwordHash}\0${password}`).digest();
    const known = this.memo.get(user.username);
    if (known && known.until > Date.now() && equalBytes(known.digest, digest)) {
      this.stats.memoHits++;
      return true;
    }
    this.stats.passwordChecks++;
    if (!(await verifyPassword(user.passwordHash, password))) return false;
    // The digest covers the stored hash, so it can never vouch for another password. Remember it unless the user
    // was read again meanwhile and now has another hash or is disabled (that change cleared the memo and must win);
    // an event that changed nothing (this instance's own NOTIFY echo) must not cost the next request an argon2 check.
    const now = this.entries.get(user.username)?.record;
    if (!now || (now.enabled && now.passwordHash === user.passwordHash)) {
      if (this.memo.size >= MAX_ENTRIES) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(user.username, { digest, passwordHash: user.passwordHash, until: Date.now() + MEMO_TTL_MS });
    }
    return true;
  }

  /** The user's record (null when there is none), from memory while fresh, else read once for all callers. */
  get(username: string): Promise<ApiUserRecord | null> {
    const entry = this.entries.get(username);
    const maxAge = entry?.record ? MAX_AGE_MS : NEGATIVE_TTL_MS;
    if (entry && Date.now() - entry.readAt < maxAge) return Promise.resolve(entry.record);
    let pending = this.inflight.get(username);
    if (!pending) {
      pending = this.fetch(username).finally(() => this.inflight.delete(username));
      this.inflight.set(username, pending);
    }
    return pending;
  }

  /**
   * A change event for one user: older reads are void and the user is read again. The remembered credential is
   * forgotten unless the re-read shows an enabled user with the hash it was made for (this instance also hears its
   * own NOTIFY after the write-through, and the creation event may arrive after the first request; those must not
   * cost the next request an argon2 check). It could not match a new password anyway: the digest covers the hash.
   */
  async refresh(username: string): Promise<void> {
    const at = ++this.clock;
    this.invalidated.set(username, at);
    this.entries.delete(username);
    const read = this.fetch(username)
      .then((after) => {
        const known = this.memo.get(username);
        if (known && (!after || !after.enabled || after.passwordHash !== known.passwordHash)) this.memo.delete(username);
      })
      .catch((e: Error) => {
        this.memo.delete(username);
        console.error(`[api-users] re-read after a change failed: ${e.message}`);
      });
    await this.reads.settle(username, at, read);
  }

  /** An account changed (suspended, resumed, renamed, deleted): re-read its users and its subaccounts' users. */
  async refreshAccount(accountId: string): Promise<void> {
    const affected = [...this.entries.values()]
      .map((e) => e.record)
      .filter((r): r is ApiUserRecord => Boolean(r && (r.account.id === accountId || r.account.parent?.id === accountId)));
    await Promise.all(affected.map((r) => this.refresh(r.username)));
  }

  /** After a missed event (a dropped listener), nothing cached can be trusted. */
  clear(): void {
    const at = ++this.clock;
    for (const username of this.entries.keys()) this.invalidated.set(username, at);
    this.entries.clear();
    this.memo.clear();
  }

  /** Last used time and IP, written at most once a minute per user, off the request's path. */
  touch(user: ApiUserRecord, ip: string | null, nowMs: number): void {
    if ((this.touched.get(user.id) ?? 0) > nowMs - TOUCH_EVERY_MS) return;
    this.touched.set(user.id, nowMs);
    void this.sql
      .query(`UPDATE "ApiUser" SET "lastUsedAt" = to_timestamp($2::float8 / 1000), "lastUsedIp" = $3 WHERE "id" = $1`, [user.id, nowMs, ip])
      .catch((e: Error) => console.error(`[api-users] last-used update failed: ${e.message}`));
  }

  private async fetch(username: string): Promise<ApiUserRecord | null> {
    const started = ++this.clock;
    this.stats.reads++;
    const row = (await this.sql.query<Row>(`${SELECT} WHERE u."username" = $1`, [username])).rows[0];
    const record = row ? { id: row.id, username: row.username, enabled: row.enabled, passwordHash: row.passwordHash, account: accountOf(row) } : null;
    // A change came in while this read ran: read again, so the caller gets the state after that change.
    if ((this.invalidated.get(username) ?? 0) > started) return this.fetch(username);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(username, { record, epoch: started, readAt: Date.now() });
    return record;
  }
}
