/**
 * Issuing tokens inside the grant's transaction: an opaque access token (1 hour) and, where the app may refresh,
 * a refresh token in a family (new for a fresh grant, the same when rotating). Only hashes are stored. The first
 * token under an authorization is audited once.
 */
import crypto from "node:crypto";
import type { Prisma } from "@/core/generated/prisma/client";
import { recordOAuthAudit } from "@/core/oauth/audit";
import { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_S, issueAccessToken, issueRefreshToken } from "@/core/oauth/tokens";
import type { AuthenticatedClient } from "./client-auth";

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
};

export type IssueInput = {
  client: AuthenticatedClient;
  authorizationId: string;
  accountId: string;
  userId: string | null;
  scopes: string[];
  codeId?: string | null;
  /** Rotation keeps the family; a fresh grant starts one. */
  familyId?: string | null;
  withRefresh: boolean;
  ip: string | null;
  /** The API's clock (api-server/clock.ts), which also judges expiry on every request. */
  nowMs: number;
};

export async function issueTokens(tx: Prisma.TransactionClient, input: IssueInput): Promise<TokenResponse> {
  const now = input.nowMs;
  const access = issueAccessToken();
  const familyId = input.withRefresh ? (input.familyId ?? crypto.randomUUID()) : null;
  await tx.oAuthAccessToken.create({
    data: {
      tokenHash: access.hash,
      clientId: input.client.id,
      authorizationId: input.authorizationId,
      accountId: input.accountId,
      userId: input.userId,
      scopes: input.scopes,
      codeId: input.codeId ?? null,
      familyId,
      expiresAt: new Date(now + ACCESS_TOKEN_TTL_S * 1000),
    },
  });
  const body: TokenResponse = { access_token: access.plaintext, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_S, scope: input.scopes.join(" ") };
  if (familyId) {
    const refresh = issueRefreshToken();
    await tx.oAuthRefreshToken.create({
      data: {
        tokenHash: refresh.hash,
        familyId,
        clientId: input.client.id,
        authorizationId: input.authorizationId,
        accountId: input.accountId,
        userId: input.userId,
        scopes: input.scopes,
        codeId: input.codeId ?? null,
        expiresAt: new Date(now + REFRESH_TOKEN_TTL_S * 1000),
      },
    });
    body.refresh_token = refresh.plaintext;
  }
  const first = await tx.oAuthAuthorization.updateMany({ where: { id: input.authorizationId, firstTokenAt: null }, data: { firstTokenAt: new Date(now) } });
  if (first.count === 1) {
    await recordOAuthAudit(tx, {
      accountId: input.accountId,
      actorId: input.userId,
      action: "oauth.token_issued",
      clientDbId: input.client.id,
      appName: input.client.name,
      ip: input.ip,
      details: { scopes: input.scopes },
    });
  }
  return body;
}

/** Find or renew the authorization an app holds for an account (password and client-credentials grants). */
export async function upsertAuthorization(tx: Prisma.TransactionClient, clientDbId: string, accountId: string, userId: string | null, scopes: string[]) {
  return tx.oAuthAuthorization.upsert({
    where: { clientId_accountId: { clientId: clientDbId, accountId } },
    create: { clientId: clientDbId, accountId, userId, scopes },
    update: { userId, scopes, revokedAt: null },
    select: { id: true },
  });
}
