/**
 * Revoking OAuth tokens, shared by the token endpoint (code and refresh-token reuse), RFC 7009 revocation, and the
 * dashboard (Revoke access, Reset secret, Delete app). Each runs inside the caller's transaction and announces the
 * change (core/events.ts), so every API instance's token cache drops the tokens; the caller refreshes its own
 * instance after the commit with refreshLocalOAuth(change).
 */
import type { Prisma } from "@/core/generated/prisma/client";
import { announceOAuthChange } from "@/core/events";

type Tx = Prisma.TransactionClient;

/** Change payloads understood by the token cache: `a:` authorization, `c:` client, `f:` family, `t:` token, `k:` code. */
export const oauthChange = (kind: "a" | "c" | "f" | "t" | "k" | "u", id: string) => `${kind}:${id}`;

/** Revokes an authorization and every token issued under it. */
export async function revokeAuthorization(tx: Tx, authorizationId: string, now = new Date()): Promise<string> {
  await tx.oAuthAccessToken.updateMany({ where: { authorizationId, revokedAt: null }, data: { revokedAt: now } });
  await tx.oAuthRefreshToken.updateMany({ where: { authorizationId, revokedAt: null }, data: { revokedAt: now } });
  await tx.oAuthAuthorization.update({ where: { id: authorizationId }, data: { revokedAt: now } });
  const change = oauthChange("a", authorizationId);
  await announceOAuthChange(tx, change);
  return change;
}

/** Refresh-token reuse: the whole family (every refresh and access token descended from one grant) is revoked. */
export async function revokeFamily(tx: Tx, familyId: string, now = new Date()): Promise<string> {
  await tx.oAuthAccessToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
  await tx.oAuthRefreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
  const change = oauthChange("f", familyId);
  await announceOAuthChange(tx, change);
  return change;
}

/** A second use of an authorization code: tokens issued from it (and their families) are revoked (RFC 6749 §4.1.2). */
export async function revokeByCode(tx: Tx, codeId: string, now = new Date()): Promise<string> {
  const families = await tx.oAuthRefreshToken.findMany({ where: { codeId }, select: { familyId: true }, distinct: ["familyId"] });
  const familyIds = families.map((f) => f.familyId);
  await tx.oAuthAccessToken.updateMany({ where: { OR: [{ codeId }, { familyId: { in: familyIds } }], revokedAt: null }, data: { revokedAt: now } });
  await tx.oAuthRefreshToken.updateMany({ where: { OR: [{ codeId }, { familyId: { in: familyIds } }], revokedAt: null }, data: { revokedAt: now } });
  const change = oauthChange("k", codeId);
  await announceOAuthChange(tx, change);
  for (const f of familyIds) await announceOAuthChange(tx, oauthChange("f", f));
  return change;
}

/** Every token of an app (Delete, or a secret reset "now"). */
export async function revokeClientTokens(tx: Tx, clientDbId: string, now = new Date()): Promise<string> {
  await tx.oAuthAccessToken.updateMany({ where: { clientId: clientDbId, revokedAt: null }, data: { revokedAt: now } });
  await tx.oAuthRefreshToken.updateMany({ where: { clientId: clientDbId, revokedAt: null }, data: { revokedAt: now } });
  const change = oauthChange("c", clientDbId);
  await announceOAuthChange(tx, change);
  return change;
}
