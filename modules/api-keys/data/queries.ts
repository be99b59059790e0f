/** API-key reads for the dashboard, scoped by the actor's account and checked against the policy. */
import "server-only";
import { getDatabase, getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { Prisma } from "@/core/generated/prisma/client";
import { maskSecret } from "@/core/secrets/key-format";
import { ALL_KEYS, type ApiKeyDto, type ApiKeyQuota, type ApiKeyStatus, type KeyListQuery, type MailingDto, type RotationReminder } from "../types";
import { keyListClauses } from "./key-filters";

export const USAGE_DAYS = 30;

export const apiKeySelect = {
  id: true,
  name: true,
  description: true,
  keyId: true,
  secretLast5: true,
  scopes: true,
  permissions: true,
  allowedIps: true,
  enabled: true,
  expiresAt: true,
  defaultMailing: { select: { id: true, name: true } },
  createdAt: true,
  createdBy: { select: { email: true } },
  updatedAt: true,
  rotatedAt: true,
  previousSecretExpiresAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
} satisfies Prisma.ApiKeySelect;

type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

export function keyStatus(key: { enabled: boolean; expiresAt: Date | null }, now = new Date()): ApiKeyStatus {
  if (!key.enabled) return "disabled";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

export function toApiKeyDto(row: ApiKeyRow, now = new Date(), usage30d: number[] = new Array(USAGE_DAYS).fill(0)): ApiKeyDto {
  const { secretLast5, createdBy, previousSecretExpiresAt, ...rest } = row;
  return {
    ...rest,
    maskedSecret: maskSecret(secretLast5),
    status: keyStatus(row, now),
    createdByEmail: createdBy?.email ?? null,
    // Only meaningful while the old secret still works.
    previousSecretExpiresAt: previousSecretExpiresAt && previousSecretExpiresAt > now ? previousSecretExpiresAt : null,
    usage30d,
  };
}

/** Epoch milliseconds of a `timestamp(3)` column (our UTC times), so both drivers hand back the same number. */
const ms = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

/**
 * The account's keys in one statement, newest first: each with its default mailing, its creator's email and its
 * daily counts over the last USAGE_DAYS UTC days as an int[] (oldest first, 0 for a day without use). Prisma
 * would need four statements and 450 usage rows for 15 keys; this runs on the same connection source.
 */
const LIST_KEYS = (where: string, orderBy: string) => `SELECT k."id", k."name", k."description", k."keyId", k."secretLast5", k."scopes", k."permissions", k."allowedIps",
  k."enabled", ${ms('k."expiresAt"')} AS "expiresAt", m."id" AS "mailingId", m."name" AS "mailingName",
  ${ms('k."createdAt"')} AS "createdAt", u."email" AS "createdByEmail", ${ms('k."updatedAt"')} AS "updatedAt",
  ${ms('k."rotatedAt"')} AS "rotatedAt", ${ms('k."previousSecretExpiresAt"')} AS "previousSecretExpiresAt",
  ${ms('k."lastUsedAt"')} AS "lastUsedAt", k."lastUsedIp",
  ARRAY(SELECT COALESCE(x."count", 0) FROM generate_series(0, ${USAGE_DAYS - 1}) AS g(i)
        LEFT JOIN "ApiKeyUsage" x ON x."apiKeyId" = k."id" AND x."day" = $2::date + g.i ORDER BY g.i) AS "usage30d"
  FROM "ApiKey" k LEFT JOIN "Mailing" m ON m."id" = k."defaultMailingId" LEFT JOIN "User" u ON u."id" = k."createdById"
  WHERE k."accountId" = $1${where} ORDER BY ${orderBy}`;

type KeyListRow = Omit<ApiKeyRow, "defaultMailing" | "createdBy" | DateField> & { [F in DateField]: number | null } & {
  mailingId: string | null;
  mailingName: string | null;
  createdByEmail: string | null;
  usage30d: number[];
};
type DateField = "expiresAt" | "createdAt" | "updatedAt" | "rotatedAt" | "previousSecretExpiresAt" | "lastUsedAt";

const toDate = (value: number | null) => (value === null ? null : new Date(Math.round(value)));

/** The account's keys matching `query` (search, status, scope, sort; by default all, newest first). */
export async function listApiKeys(ctx: ActorContext, query: KeyListQuery = ALL_KEYS): Promise<ApiKeyDto[]> {
  assertCan(ctx, "apiKeys.view");
  const now = new Date();
  const firstDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (USAGE_DAYS - 1) * 86_400_000);
  const { where, orderBy, params } = keyListClauses(query, [ctx.accountId, firstDay.toISOString().slice(0, 10)], now);
  const { rows } = await (await getDatabase()).sql.query<KeyListRow>(LIST_KEYS(where, orderBy), params);
  return rows.map(({ mailingId, mailingName, createdByEmail, usage30d, ...row }) =>
    toApiKeyDto(
      {
        ...row,
        expiresAt: toDate(row.expiresAt),
        createdAt: toDate(row.createdAt)!,
        updatedAt: toDate(row.updatedAt)!,
        rotatedAt: toDate(row.rotatedAt),
        previousSecretExpiresAt: toDate(row.previousSecretExpiresAt),
        lastUsedAt: toDate(row.lastUsedAt),
        defaultMailing: mailingId === null ? null : { id: mailingId, name: mailingName! },
        createdBy: createdByEmail === null ? null : { email: createdByEmail },
      },
      now,
      usage30d,
    ),
  );
}

export async function getApiKeyQuota(ctx: ActorContext): Promise<ApiKeyQuota> {
  assertCan(ctx, "apiKeys.view");
  const prisma = await getPrisma();
  const [used, account] = await Promise.all([
    prisma.apiKey.count({ where: { accountId: ctx.accountId } }),
    prisma.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: { maxApiKeys: true } }),
  ]);
  return { used, max: account.maxApiKeys };
}

export async function listMailings(ctx: ActorContext): Promise<MailingDto[]> {
  assertCan(ctx, "apiKeys.view");
  const prisma = await getPrisma();
  return prisma.mailing.findMany({
    where: { accountId: ctx.accountId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * The key limit, the number of keys, the rotation age with the number of active keys older than it (secret age =
 * rotatedAt, else createdAt) and the mailings (by name, as listMailings orders them), in one statement.
 */
const ACCOUNT_EXTRAS = `SELECT a."maxApiKeys" AS "max", a."keyRotationDays" AS "rotationDays",
  (SELECT count(*)::int FROM "ApiKey" k WHERE k."accountId" = a."id") AS "used",
  (SELECT count(*)::int FROM "ApiKey" k WHERE k."accountId" = a."id" AND k."enabled"
     AND (k."expiresAt" IS NULL OR k."expiresAt" > $2::timestamp)
     AND COALESCE(k."rotatedAt", k."createdAt") < $2::timestamp - make_interval(days => a."keyRotationDays")) AS "due",
  COALESCE((SELECT json_agg(json_build_object('id', m."id", 'name', m."name") ORDER BY m."name") FROM "Mailing" m
            WHERE m."accountId" = a."id"), '[]'::json) AS "mailings",
  COALESCE((SELECT json_agg(json_build_object('name', k."name", 'keyId', k."keyId") ORDER BY lower(k."name")) FROM "ApiKey" k
            WHERE k."accountId" = a."id" AND k."enabled" AND 'smtp' = ANY(k."scopes")), '[]'::json) AS "smtpKeys"
  FROM "Account" a WHERE a."id" = $1`;

type SmtpKey = { name: string; keyId: string };
export type KeysPageData = { keys: ApiKeyDto[]; quota: ApiKeyQuota; mailings: MailingDto[]; rotation: RotationReminder; smtpKeys: SmtpKey[] };

/**
 * Everything the keys page shows of keys, in two statements: the (filtered) list, and the account's figures
 * (limit, count, rotation reminder, mailings, enabled keys with the smtp scope) over all its keys.
 */
export async function getKeysPageData(ctx: ActorContext, query: KeyListQuery = ALL_KEYS): Promise<KeysPageData> {
  assertCan(ctx, "apiKeys.view");
  const db = await getDatabase();
  const [keys, extras] = await Promise.all([
    listApiKeys(ctx, query),
    db.sql.query<{ max: number; used: number; rotationDays: number; due: number; mailings: MailingDto[]; smtpKeys: SmtpKey[] }>(ACCOUNT_EXTRAS, [
      ctx.accountId,
      new Date().toISOString(),
    ]),
  ]);
  const account = extras.rows[0];
  if (!account) throw new Error("The active account no longer exists");
  return {
    keys,
    quota: { used: account.used, max: account.max },
    mailings: account.mailings,
    rotation: { days: account.rotationDays, dueCount: account.due },
    smtpKeys: account.smtpKeys,
  };
}
