/** API-key reads for the dashboard, scoped by the actor's account and checked against the policy. */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { Prisma } from "@/core/generated/prisma/client";
import { maskSecret } from "@/core/secrets/key-format";
import type { ApiKeyDto, ApiKeyQuota, ApiKeyStatus, MailingDto } from "../types";

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

export async function listApiKeys(ctx: ActorContext): Promise<ApiKeyDto[]> {
  assertCan(ctx, "apiKeys.view");
  const prisma = await getPrisma();
  const rows = await prisma.apiKey.findMany({
    where: { accountId: ctx.accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: apiKeySelect,
  });
  const now = new Date();
  const usage = await usageByKey(ctx.accountId, now);
  return rows.map((row) => toApiKeyDto(row, now, usage.get(row.id)));
}

/** Daily counts for the account's keys over the last USAGE_DAYS UTC days (written by api-server/verify/usage.ts). */
async function usageByKey(accountId: string, now: Date): Promise<Map<string, number[]>> {
  const prisma = await getPrisma();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const first = new Date(today - (USAGE_DAYS - 1) * 86_400_000);
  const rows = await prisma.apiKeyUsage.findMany({
    where: { day: { gte: first }, apiKey: { accountId } },
    select: { apiKeyId: true, day: true, count: true },
  });
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const index = Math.round((row.day.getTime() - first.getTime()) / 86_400_000);
    if (index < 0 || index >= USAGE_DAYS) continue;
    const series = out.get(row.apiKeyId) ?? new Array<number>(USAGE_DAYS).fill(0);
    series[index] = (series[index] ?? 0) + row.count;
    out.set(row.apiKeyId, series);
  }
  return out;
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
