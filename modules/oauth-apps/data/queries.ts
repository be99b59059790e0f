/** OAuth-app reads for the dashboard, scoped by the actor's account and checked against the policy. */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { Prisma } from "@/core/generated/prisma/client";
import { maskSecret } from "@/core/secrets/key-format";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { AuthorizedAppDto, CatalogEntryDto, OAuthAppDto } from "../types";

const DAY_MS = 86_400_000;

export const appSelect = {
  id: true, name: true, description: true, developerName: true, clientId: true, secretLast5: true, redirectUris: true,
  grantTypes: true, allowPasswordGrant: true, previousSecretExpiresAt: true, website: true, logoUrl: true,
  catalogStatus: true, catalogReason: true, createdAt: true,
} satisfies Prisma.OAuthClientSelect;

type AppRow = Prisma.OAuthClientGetPayload<{ select: typeof appSelect }>;

export function toAppDto(row: AppRow, counts = { authorizedAccounts: 0, tokens30d: 0 }, now = new Date()): OAuthAppDto {
  const { secretLast5, previousSecretExpiresAt, ...rest } = row;
  return {
    ...rest,
    maskedSecret: maskSecret(secretLast5),
    previousSecretExpiresAt: previousSecretExpiresAt && previousSecretExpiresAt > now ? previousSecretExpiresAt : null,
    ...counts,
  };
}

export async function listApps(ctx: ActorContext): Promise<OAuthAppDto[]> {
  assertCan(ctx, "oauthApps.view");
  const prisma = await getPrisma();
  const since = new Date(Date.now() - 30 * DAY_MS);
  const rows = await prisma.oAuthClient.findMany({
    where: { accountId: ctx.accountId },
    orderBy: { createdAt: "desc" },
    select: {
      ...appSelect,
      _count: { select: { authorizations: { where: { revokedAt: null } }, accessTokens: { where: { createdAt: { gte: since } } } } },
    },
  });
  return rows.map(({ _count, ...row }) => toAppDto(row, { authorizedAccounts: _count.authorizations, tokens30d: _count.accessTokens }));
}

/** Which apps hold (or held) access to the active account, who allowed them, and when they were last used. */
export async function listAuthorizedApps(ctx: ActorContext): Promise<AuthorizedAppDto[]> {
  assertCan(ctx, "authorizedApps.view");
  const prisma = await getPrisma();
  const rows = await prisma.oAuthAuthorization.findMany({
    where: { accountId: ctx.accountId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, scopes: true, createdAt: true, updatedAt: true, lastUsedAt: true,
      user: { select: { email: true } },
      client: { select: { name: true, developerName: true, clientId: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    appName: r.client.name,
    developerName: r.client.developerName,
    clientId: r.client.clientId,
    authorizedBy: r.user?.email ?? null,
    authorizedAt: r.updatedAt,
    scopes: r.scopes,
    lastUsedAt: r.lastUsedAt,
  }));
}

/** The public integrations catalog: approved apps of live accounts. */
export async function listCatalog(): Promise<CatalogEntryDto[]> {
  const prisma = await getPrisma();
  return prisma.oAuthClient.findMany({
    where: { catalogStatus: "approved", account: { deletedAt: null, status: "active" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, developerName: true, website: true, logoUrl: true },
  });
}
