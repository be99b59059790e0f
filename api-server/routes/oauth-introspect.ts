/**
 * POST /api/v1/oauth/introspect (RFC 7662). A client may introspect tokens issued to any app of its own account;
 * anything else, and every dead token, is `{ "active": false }`.
 */
import { formatAccountNumber } from "@/core/account-number";
import { hashOAuthSecret } from "@/core/oauth/tokens";
import { oauthEndpoint } from "../oauth/endpoint";
import { OAuthError } from "../oauth/errors";

export const oauthIntrospect = oauthEndpoint(async (form, client, deps, state) => {
  if (!form.token) throw new OAuthError("invalid_request", "token is required.");
  const hash = hashOAuthSecret(form.token);
  const select = {
    scopes: true, expiresAt: true, createdAt: true, revokedAt: true, userId: true,
    client: { select: { clientId: true, accountId: true } },
    authorization: { select: { revokedAt: true, account: { select: { number: true, status: true, deletedAt: true } } } },
  } as const;
  const prisma = deps.oauth.prisma;
  const access = await prisma.oAuthAccessToken.findUnique({ where: { tokenHash: hash }, select });
  const token = access ?? (await prisma.oAuthRefreshToken.findUnique({ where: { tokenHash: hash }, select: { ...select, usedAt: true } }));
  const spent = token && "usedAt" in token && token.usedAt !== null;
  const account = token?.authorization.account;
  const active =
    token && !spent && !token.revokedAt && !token.authorization.revokedAt && token.expiresAt.getTime() > state.nowMs &&
    token.client.accountId === client.accountId && account && !account.deletedAt && account.status === "active";
  if (!active) return { active: false };
  return {
    active: true,
    scope: token.scopes.join(" "),
    client_id: token.client.clientId,
    token_type: access ? "Bearer" : "refresh_token",
    exp: Math.floor(token.expiresAt.getTime() / 1000),
    iat: Math.floor(token.createdAt.getTime() / 1000),
    sub: token.userId ?? undefined,
    account: formatAccountNumber(account.number),
  };
});
