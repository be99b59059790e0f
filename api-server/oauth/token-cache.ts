/**
 * Access tokens as the API sees them: HMAC of the presented token → record, kept in memory after the first read.
 * Revocation is exact through the same change-event path as keys (core/events.ts): every revocation bumps the
 * cache's generation and drops the matching records, and a database read that started before a revocation is
 * never stored after it (its generation is stale), so the very next request after a revoke re-reads the row and
 * is refused. Expiry is checked on every use. Last use per authorization is written in batches (USAGE_FLUSH_MS).
 */
import type { SqlRunner } from "@/core/db/migrate";
import { ACCOUNT_COLUMNS, accountOf, type AccountInfo } from "../verify/key-record";
import { USAGE_FLUSH_DEFAULT_MS } from "../verify/usage";

export type TokenRecord = {
  type: "oauth";
  id: string;
  authorizationId: string;
  clientDbId: string;
  clientId: string;
  appName: string;
  familyId: string | null;
  codeId: string | null;
  userId: string | null;
  account: AccountInfo;
  scopes: string[];
  expiresAt: number;
};

/** The account columns are the key cache's (ACCOUNT_COLUMNS), read by its accountOf. */
type Row = Omit<TokenRecord, "type" | "account" | "expiresAt"> & { expiresAtMs: number } & Parameters<typeof accountOf>[0];

const SELECT = `SELECT t."id", t."authorizationId", t."clientId" AS "clientDbId", t."familyId", t."codeId", t."userId", t."scopes",
  (EXTRACT(EPOCH FROM t."expiresAt") * 1000)::float8 AS "expiresAtMs", c."clientId", c."name" AS "appName",
  ${ACCOUNT_COLUMNS}
  FROM "OAuthAccessToken" t JOIN "OAuthClient" c ON c."id" = t."clientId"
  JOIN "OAuthAuthorization" au ON au."id" = t."authorizationId" AND au."revokedAt" IS NULL
  JOIN "Account" a ON a."id" = t."accountId" AND a."deletedAt" IS NULL
  LEFT JOIN "Account" p ON p."id" = a."parentId"
  WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL`;

const MAX_ENTRIES = 200_000;

function toRecord(r: Row): TokenRecord {
  return {
    type: "oauth",
    id: r.id,
    authorizationId: r.authorizationId,
    clientDbId: r.clientDbId,
    clientId: r.clientId,
    appName: r.appName,
    familyId: r.familyId,
    codeId: r.codeId,
    userId: r.userId,
    scopes: r.scopes,
    expiresAt: Math.round(r.expiresAtMs),
    account: accountOf(r),
  };
}

export class TokenCache {
  /** token hash (hex) → record, or null when the database said "no such live token". */
  private entries = new Map<string, TokenRecord | null>();
  private generation = 0;
  private touched = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  stats = { reads: 0, invalidations: 0, staleReadsDropped: 0 };

  constructor(
    private readonly sql: SqlRunner,
    /** How often last use is written: the keys' usage interval (USAGE_FLUSH_MS, default 15 s). */
    private readonly touchFlushMs = Number(process.env.USAGE_FLUSH_MS ?? USAGE_FLUSH_DEFAULT_MS),
  ) {}

  /** Hot path: the record, null when known dead, undefined when not read yet. */
  peek(hash: string): TokenRecord | null | undefined {
    return this.entries.get(hash);
  }

  async load(hash: string): Promise<TokenRecord | null> {
    const started = this.generation;
    this.stats.reads++;
    const row = (await this.sql.query<Row>(SELECT, [hash])).rows[0];
    const record = row ? toRecord(row) : null;
    if (started !== this.generation) {
      this.stats.staleReadsDropped++;
      return record && (await this.load(hash)); // a revocation came in meanwhile: read again
    }
    if (this.entries.size >= MAX_ENTRIES) this.prune();
    this.entries.set(hash, record);
    return record;
  }

  /** A change event (`a:`, `c:`, `f:`, `t:`, `k:` id, or an account id via invalidateAccount). */
  invalidate(change: string): void {
    this.generation++;
    this.stats.invalidations++;
    const colon = change.indexOf(":");
    const kind = change.slice(0, colon);
    const id = change.slice(colon + 1);
    const field = ({ a: "authorizationId", c: "clientDbId", f: "familyId", t: "id", k: "codeId" } as const)[kind];
    if (!field) return this.entries.clear();
    for (const [hash, record] of this.entries) if (record && record[field] === id) this.entries.delete(hash);
  }

  /** An account (or its parent) was suspended, resumed, renamed or deleted. */
  invalidateAccount(accountId: string): void {
    this.generation++;
    for (const [hash, record] of this.entries) {
      if (record && (record.account.id === accountId || record.account.parent?.id === accountId)) this.entries.delete(hash);
    }
  }

  /** Remembers that an authorization was used (Authorized apps › Last used); written in batches. */
  touch(authorizationId: string, nowMs: number): void {
    this.touched.set(authorizationId, nowMs);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch((e: Error) => console.error(`[oauth] last-used flush failed: ${e.message}`)), this.touchFlushMs);
      this.timer.unref();
    }
  }

  async flush(): Promise<void> {
    this.timer = null;
    if (this.touched.size === 0) return;
    const ids = [...this.touched.keys()];
    const times = [...this.touched.values()].map((ms) => new Date(ms).toISOString());
    this.touched.clear();
    await this.sql.query(
      `UPDATE "OAuthAuthorization" au SET "lastUsedAt" = u.t FROM unnest($1::text[], $2::timestamp[]) AS u(id, t)
       WHERE au."id" = u.id AND (au."lastUsedAt" IS NULL OR au."lastUsedAt" < u.t)`,
      [ids, times],
    );
  }

  private prune(): void {
    const now = Date.now();
    for (const [hash, record] of this.entries) if (!record || record.expiresAt <= now) this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
  }
}
