/**
 * The redirect-based grants. authorization_code (RFC 6749 §4.1.3 + RFC 7636): the code is spent atomically (a
 * conditional update), bound to the client and the exact redirect URI, PKCE S256 checked when a challenge was
 * given; a second use revokes every token issued from it. refresh_token (§6, RFC 9700 §4.14.2): rotated on every
 * use; presenting a spent one revokes the whole family. Revocations are announced to every API instance.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "@/core/generated/prisma/client";
import { refreshLocalOAuth } from "@/core/events";
import { parseScopes } from "@/core/oauth/grants";
import { recordOAuthAudit } from "@/core/oauth/audit";
import { revokeByCode, revokeFamily } from "@/core/oauth/revoke";
import { hashOAuthSecret } from "@/core/oauth/tokens";
import { assertGrantAllowed, type AuthenticatedClient } from "./client-auth";
import { OAuthError } from "./errors";
import { issueTokens, type TokenResponse } from "./issue";

type Form = Record<string, string>;
const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export async function authorizationCodeGrant(prisma: PrismaClient, client: AuthenticatedClient, form: Form, ip: string | null, nowMs: number): Promise<TokenResponse> {
  assertGrantAllowed(client, "authorization_code");
  if (!form.code || !form.redirect_uri) throw new OAuthError("invalid_request", "code and redirect_uri are required.");
  const code = await prisma.oAuthAuthorizationCode.findUnique({
    where: { codeHash: hashOAuthSecret(form.code) },
    include: { authorization: { select: { accountId: true, revokedAt: true } } },
  });
  const invalid = new OAuthError("invalid_grant", "The authorization code is invalid, expired or already used.");
  if (!code || code.clientId !== client.id) throw invalid;
  if (code.usedAt) {
    const change = await prisma.$transaction(async (tx) => {
      await recordOAuthAudit(tx, { accountId: code.authorization.accountId, actorId: null, action: "oauth.reuse_detected", clientDbId: client.id, appName: client.name, ip, details: { what: "authorization code" } });
      return revokeByCode(tx, code.id);
    });
    await refreshLocalOAuth(change);
    throw invalid;
  }
  // Codes are made by the web app on the real clock.
  if (code.expiresAt.getTime() <= Date.now() || code.authorization.revokedAt) throw invalid;
  if (code.redirectUri !== form.redirect_uri) throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request.");
  if (code.codeChallenge) {
    const verifier = form.code_verifier ?? "";
    if (!PKCE_VERIFIER.test(verifier)) throw new OAuthError("invalid_grant", "code_verifier is missing or malformed.");
    const computed = Buffer.from(crypto.createHash("sha256").update(verifier).digest("base64url"));
    const expected = Buffer.from(code.codeChallenge);
    if (computed.length !== expected.length || !crypto.timingSafeEqual(computed, expected)) {
      throw new OAuthError("invalid_grant", "code_verifier does not match the code challenge.");
    }
  } else if (form.code_verifier !== undefined) {
    throw new OAuthError("invalid_grant", "No code challenge was sent with the authorization request.");
  }
  return prisma.$transaction(async (tx) => {
    const spent = await tx.oAuthAuthorizationCode.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) throw invalid; // a concurrent exchange won
    return issueTokens(tx, {
      client,
      authorizationId: code.authorizationId,
      accountId: code.authorization.accountId,
      userId: code.userId,
      scopes: code.scopes,
      codeId: code.id,
      withRefresh: client.grantTypes.includes("refresh_token"),
      ip,
      nowMs,
    });
  });
}

export async function refreshTokenGrant(prisma: PrismaClient, client: AuthenticatedClient, form: Form, ip: string | null, nowMs: number): Promise<TokenResponse> {
  assertGrantAllowed(client, "refresh_token");
  if (!form.refresh_token) throw new OAuthError("invalid_request", "refresh_token is required.");
  const token = await prisma.oAuthRefreshToken.findUnique({
    where: { tokenHash: hashOAuthSecret(form.refresh_token) },
    include: { authorization: { select: { revokedAt: true } } },
  });
  const invalid = new OAuthError("invalid_grant", "The refresh token is invalid, expired or revoked.");
  if (!token || token.clientId !== client.id) throw invalid;
  const reused = async () => {
    const change = await prisma.$transaction(async (tx) => {
      await recordOAuthAudit(tx, { accountId: token.accountId, actorId: null, action: "oauth.reuse_detected", clientDbId: client.id, appName: client.name, ip, details: { what: "refresh token" } });
      return revokeFamily(tx, token.familyId);
    });
    await refreshLocalOAuth(change);
    return invalid;
  };
  if (token.usedAt && !token.revokedAt) throw await reused();
  if (token.revokedAt || token.authorization.revokedAt || token.expiresAt.getTime() <= nowMs) throw invalid;
  let scopes = token.scopes;
  if (form.scope !== undefined) {
    const asked = parseScopes(form.scope);
    if (!asked || asked.some((s) => !token.scopes.includes(s))) throw new OAuthError("invalid_scope", "The scope exceeds the original grant.");
    scopes = asked;
  }
  const result = await prisma.$transaction(async (tx) => {
    const spent = await tx.oAuthRefreshToken.updateMany({ where: { id: token.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) return null;
    return issueTokens(tx, {
      client,
      authorizationId: token.authorizationId,
      accountId: token.accountId,
      userId: token.userId,
      scopes,
      codeId: token.codeId,
      familyId: token.familyId,
      withRefresh: true,
      ip,
      nowMs,
    });
  });
  if (!result) throw await reused(); // spent concurrently: a reuse like any other
  return result;
}
