/** What verification needs to know about a key, and how it is read from the database (plain SQL, epoch ms). */
import type { AccountKind } from "@/core/generated/prisma/enums";
import { compileAllowList, type CompiledRange } from "@/core/net/ip";

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

/**
 * Read with plain SQL rather than Prisma: loading 10,000 keys this way is faster and leaves ~70 MB less resident
 * memory. Times come back as epoch milliseconds (EXTRACT treats our UTC timestamps as UTC).
 */
export const SELECT = `SELECT k."id", k."keyId", k."name", k."scopes", k."permissions", k."allowedIps", k."enabled",
  (EXTRACT(EPOCH FROM k."expiresAt") * 1000)::float8 AS "expiresAtMs",
  k."secretHash", k."previousSecretHash",
  (EXTRACT(EPOCH FROM k."previousSecretExpiresAt") * 1000)::float8 AS "previousSecretExpiresAtMs",
  a."id" AS "accountId", a."name" AS "accountName", a."kind"::text AS "accountKind"
  FROM "ApiKey" k JOIN "Account" a ON a."id" = k."accountId"`;

export const LOAD_PAGE = 500;

export type Row = {
  id: string;
  keyId: string;
  name: string;
  scopes: string[];
  permissions: string[];
  allowedIps: string[];
  enabled: boolean;
  expiresAtMs: number | null;
  secretHash: string;
  previousSecretHash: string | null;
  previousSecretExpiresAtMs: number | null;
  accountId: string;
  accountName: string;
  accountKind: AccountKind;
};

export function toRecord(row: Row): KeyRecord {
  return {
    id: row.id,
    keyId: row.keyId,
    name: row.name,
    account: { id: row.accountId, name: row.accountName, kind: row.accountKind },
    scopes: row.scopes,
    permissions: row.permissions,
    allowedIpCount: row.allowedIps.length,
    ranges: compileAllowList(row.allowedIps),
    enabled: row.enabled,
    expiresAt: row.expiresAtMs === null ? null : Math.round(row.expiresAtMs),
    secretHash: Buffer.from(row.secretHash, "hex"),
    previousSecretHash: row.previousSecretHash ? Buffer.from(row.previousSecretHash, "hex") : null,
    previousSecretExpiresAt: row.previousSecretExpiresAtMs === null ? null : Math.round(row.previousSecretExpiresAtMs),
  };
}

