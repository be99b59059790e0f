/** The subaccounts of the active (top-level) account, with their keys' use, the plan limit and the latest request. */
import "server-only";
import { formatAccountNumber } from "@/core/account-number";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { RequestDto, SubaccountsOverview } from "../types";

type Row = { id: string; number: number; name: string; status: "active" | "suspended"; createdAt: Date; keysUsed: number; requests30d: number; lastUsedAt: Date | null };

export async function getSubaccountsOverview(ctx: ActorContext): Promise<SubaccountsOverview> {
  assertCan(ctx, "subaccounts.view");
  const prisma = await getPrisma();
  const since = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const [rows, account, request] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT a."id", a."number", a."name", a."status"::text AS "status", a."createdAt",
        (SELECT count(*) FROM "ApiKey" k WHERE k."accountId" = a."id")::int AS "keysUsed",
        (SELECT coalesce(sum(u."count"), 0) FROM "ApiKeyUsage" u JOIN "ApiKey" k ON k."id" = u."apiKeyId"
          WHERE k."accountId" = a."id" AND u."day" >= ${since}::date)::int AS "requests30d",
        (SELECT max(k."lastUsedAt") FROM "ApiKey" k WHERE k."accountId" = a."id") AS "lastUsedAt"
      FROM "Account" a WHERE a."parentId" = ${ctx.accountId} AND a."deletedAt" IS NULL ORDER BY a."number"`,
    prisma.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: { maxSubaccounts: true } }),
    prisma.staffRequest.findFirst({
      where: { accountId: ctx.accountId, type: "subaccounts" },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, details: true, decisionReason: true, createdAt: true, decidedAt: true },
    }),
  ]);
  const details = (request?.details ?? {}) as { count?: number; reason?: string };
  const latestRequest: RequestDto | null = request
    ? { ...request, count: details.count ?? 0, reason: details.reason ?? "" }
    : null;
  return {
    subaccounts: rows.map((r) => ({ ...r, number: formatAccountNumber(r.number) })),
    used: rows.length,
    max: account.maxSubaccounts,
    latestRequest,
  };
}
