/** The Integrations page's reads, scoped to the active account; and a developer account's limits for its banner. */
import "server-only";
import { formatAccountNumber } from "@/core/account-number";
import { getPrisma } from "@/core/registry";
import { listMemberships, type ActorContext } from "@/lib/auth/memberships";
import { assertCan } from "@/lib/auth/guard";
import type { IntegrationsOverview } from "../types";

export async function getIntegrationsOverview(ctx: ActorContext): Promise<IntegrationsOverview> {
  assertCan(ctx, "developerAccounts.view");
  const prisma = await getPrisma();
  const [requests, linked, mine] = await Promise.all([
    prisma.developerAccountRequest.findMany({
      where: { mainAccountId: ctx.accountId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, useCase: true, company: true, status: true, decisionReason: true, createdAt: true, decidedAt: true, requestedBy: { select: { email: true } } },
    }),
    prisma.account.findMany({
      where: { mainAccountId: ctx.accountId, kind: "developer", deletedAt: null },
      orderBy: { number: "asc" },
      select: { id: true, name: true, number: true, createdAt: true, memberships: { where: { role: "owner" }, select: { user: { select: { email: true } } } } },
    }),
    listMemberships(ctx.userId),
  ]);
  const memberOf = new Set(mine?.memberships.map((m) => m.accountId));
  return {
    requests: requests.map(({ requestedBy, ...r }) => ({ ...r, requestedBy: requestedBy?.email ?? null })),
    linked: linked.map((a) => ({
      id: a.id, name: a.name, number: formatAccountNumber(a.number), createdAt: a.createdAt,
      owners: a.memberships.map((m) => m.user.email), canSwitch: memberOf.has(a.id),
    })),
  };
}

export type BannerLimits = { emailsPerDay: number | null; maxApiKeys: number; mainAccount: string | null };

/** Read for the active account only: the banner shows the limits of the account the person is in. */
export async function getDeveloperLimits(ctx: ActorContext): Promise<BannerLimits> {
  const prisma = await getPrisma();
  const a = await prisma.account.findUniqueOrThrow({
    where: { id: ctx.accountId },
    select: { maxEmailsPerDay: true, maxApiKeys: true, mainAccount: { select: { name: true, number: true } } },
  });
  return { emailsPerDay: a.maxEmailsPerDay, maxApiKeys: a.maxApiKeys, mainAccount: a.mainAccount ? `${a.mainAccount.name} (${formatAccountNumber(a.mainAccount.number)})` : null };
}
