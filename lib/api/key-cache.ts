import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AccountKind } from "@/lib/generated/prisma/enums";
import { compileAllowList, type CompiledRange } from "./ip-match";

/** Everything verification needs about a key, kept warm in memory. Hashes are raw bytes for timingSafeEqual. */
export type KeyRecord = {
  id: string;
  keyId: string;
  name: string;
  account: { id: string; name: string; kind: AccountKind };
  scopes: string[];
  permissions: string[];
  allowedIpCount: number;
  ranges: CompiledRange[];
  enabled: boolean;
  expiresAt: number | null;
  secretHash: Buffer;
  previousSecretHash: Buffer | null;
  previousSecretExpiresAt: number | null;
};

const select = {
  id: true,
  keyId: true,
  name: true,
  scopes: true,
  permissions: true,
  allowedIps: true,
  enabled: true,
  expiresAt: true,
  secretHash: true,
  previousSecretHash: true,
  previousSecretExpiresAt: true,
  account: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.ApiKeySelect;

type Row = Prisma.ApiKeyGetPayload<{ select: typeof select }>;

function toRecord(row: Row): KeyRecord {
  return {
    id: row.id,
    keyId: row.keyId,
    name: row.name,
    account: row.account,
    scopes: row.scopes,
    permissions: row.permissions,
    allowedIpCount: row.allowedIps.length,
    ranges: compileAllowList(row.allowedIps),
    enabled: row.enabled,
    expiresAt: row.expiresAt?.getTime() ?? null,
    secretHash: Buffer.from(row.secretHash, "hex"),
    previousSecretHash: row.previousSecretHash ? Buffer.from(row.previousSecretHash, "hex") : null,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.getTime() ?? null,
  };
}

export type KeyCacheOptions = { negativeTtlMs?: number; maxNegative?: number };

/**
 * All keys are loaded at start and kept current by events (write-through from mutations on this instance,
 * LISTEN/NOTIFY from others, see key-events.ts); a periodic full reload is only a backstop. A key id that is
 * not found is remembered for a short while, so a flood of unknown ids reaches the database once per id.
 */
export class KeyCache {
  private records = new Map<string, KeyRecord>();
  private misses = new Map<string, number>();
  private inflight = new Map<string, Promise<KeyRecord | null>>();
  readonly negativeTtlMs: number;
  private readonly maxNegative: number;
  stats = { loads: 0, lookups: 0 };

  constructor(
    private readonly prisma: PrismaClient,
    options: KeyCacheOptions = {},
  ) {
    this.negativeTtlMs = options.negativeTtlMs ?? 30_000;
    this.maxNegative = options.maxNegative ?? 100_000;
  }

  get size() {
    return this.records.size;
  }

  async loadAll(): Promise<number> {
    const rows: Row[] = await this.prisma.apiKey.findMany({ select });
    const next = new Map<string, KeyRecord>();
    for (const row of rows) next.set(row.keyId, toRecord(row));
    this.records = next;
    this.misses.clear();
    this.stats.loads++;
    return next.size;
  }

  /** Synchronous hit path; undefined means "ask get()". */
  peek(keyId: string): KeyRecord | undefined {
    return this.records.get(keyId);
  }

  async get(keyId: string, nowMs = Date.now()): Promise<KeyRecord | null> {
    const hit = this.records.get(keyId);
    if (hit) return hit;
    const missUntil = this.misses.get(keyId);
    if (missUntil !== undefined && missUntil > nowMs) return null;
    let pending = this.inflight.get(keyId);
    if (!pending) {
      pending = this.fetch(keyId).finally(() => this.inflight.delete(keyId));
      this.inflight.set(keyId, pending);
    }
    return pending;
  }

  /** Re-reads one key after a change (or removes it when deleted). */
  async refresh(keyId: string): Promise<void> {
    this.misses.delete(keyId);
    await this.fetch(keyId);
  }

  private async fetch(keyId: string): Promise<KeyRecord | null> {
    this.stats.lookups++;
    const row: Row | null = await this.prisma.apiKey.findUnique({ where: { keyId }, select });
    if (!row) {
      this.records.delete(keyId);
      if (this.misses.size >= this.maxNegative) this.misses.delete(this.misses.keys().next().value!);
      this.misses.set(keyId, Date.now() + this.negativeTtlMs);
      return null;
    }
    const record = toRecord(row);
    this.records.set(keyId, record);
    this.misses.delete(keyId);
    return record;
  }
}
