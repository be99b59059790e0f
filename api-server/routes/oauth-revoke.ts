/**
 * POST /api/v1/oauth/revoke (RFC 7009). The client revokes one of its own tokens: an access token alone, or a
 * refresh token with its whole family. Unknown tokens and other clients' tokens get the same 200 (§2.2).
 */
import { refreshLocalOAuth } from "@/core/events";
import { recordOAuthAudit } from "@/core/oauth/audit";
import { oauthChange, revokeFamily } from "@/core/oauth/revoke";
import { announceOAuthChange } from "@/core/events";
import { hashOAuthSecret } from "@/core/oauth/tokens";
import { oauthEndpoint } from "../oauth/endpoint";
import { OAuthError } from "../oauth/errors";

export const oauthRevoke = oauthEndpoint(async (form, client, deps, state) => {
  if (!form.token) throw new OAuthError("invalid_request", "token is required.");
  const prisma = deps.oauth.prisma;
  const hash = hashOAuthSecret(form.token);
  const [access, refresh] = await Promise.all([
    prisma.oAuthAccessToken.findUnique({ where: { tokenHash: hash }, select: { id: true, clientId: true, accountId: true, userId: true, revokedAt: true } }),
    prisma.oAuthRefreshToken.findUnique({ where: { tokenHash: hash }, select: { familyId: true, clientId: true, accountId: true, userId: true, revokedAt: true } }),
  ]);
  const found = access ?? refresh;
  if (!found || found.clientId !== client.id || found.revokedAt) return {};
  const change = await prisma.$transaction(async (tx) => {
    let c: string;
    if (access) {
      await tx.oAuthAccessToken.update({ where: { id: access.id }, data: { revokedAt: new Date() } });
      c = oauthChange("t", access.id);
      await announceOAuthChange(tx, c);
    } else {
      c = await revokeFamily(tx, refresh!.familyId);
    }
    await recordOAuthAudit(tx, { accountId: found.accountId, actorId: null, action: "oauth.revoked", clientDbId: client.id, appName: client.name, ip: state.ipText, details: { by: "app", token: access ? "access" : "refresh" } });
    return c;
  });
  await refreshLocalOAuth(change);
  return {};
});
