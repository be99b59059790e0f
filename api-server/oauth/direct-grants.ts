/**
 * Grants without a browser. password (MailUp's flow; RFC 9700 says it must not be used): only for apps that
 * switched it on, throttled like sign-in (per email+IP and per IP), never for staff, and only into an account
 * where the user is owner or admin (the `account` parameter picks one by number, else the oldest).
 * client_credentials (§4.4): the app acts in its owner's own account; no refresh token (§4.4.3).
 */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { parseAccountNumber } from "@/core/account-number";
import { parseScopes } from "@/core/oauth/grants";
import { verifyPassword } from "@/core/secrets/password";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { assertGrantAllowed, type AuthenticatedClient } from "./client-auth";
import { OAuthError } from "./errors";
import { issueTokens, upsertAuthorization, type TokenResponse } from "./issue";

type Form = Record<string, string>;
const WINDOW_S = 15 * 60;
/** The same budgets as the sign-in form (lib/auth/throttle.ts): 5 per email+IP, 50 per IP in 15 minutes. */
const emailIpLimiter = new RateLimiterMemory({ keyPrefix: "oauth_pw_email_ip", points: 5, duration: WINDOW_S, blockDuration: 60 });
const ipLimiter = new RateLimiterMemory({ keyPrefix: "oauth_pw_ip", points: 50, duration: WINDOW_S, blockDuration: 5 * 60 });

async function blocked(key: string, limiter: RateLimiterMemory): Promise<boolean> {
  const res = await limiter.get(key);
  return res !== null && res.consumedPoints >= limiter.points;
}

async function penalise(keys: [string, RateLimiterMemory][]): Promise<void> {
  for (const [key, limiter] of keys) await limiter.consume(key).catch((e: unknown) => { if (!(e instanceof RateLimiterRes)) throw e; });
}

function scopesOf(form: Form): string[] {
  const scopes = parseScopes(form.scope);
  if (!scopes) throw new OAuthError("invalid_scope", "Unknown scope.");
  return scopes;
}

export async function passwordGrant(prisma: PrismaClient, client: AuthenticatedClient, form: Form, ip: string | null, nowMs: number): Promise<TokenResponse> {
  assertGrantAllowed(client, "password");
  const email = (form.username ?? "").trim().toLowerCase();
  if (!email || !form.password) throw new OAuthError("invalid_request", "username and password are required.");
  const scopes = scopesOf(form);
  const keys: [string, RateLimiterMemory][] = [[`${email}|${ip ?? "unknown"}`, emailIpLimiter], [ip ?? "unknown", ipLimiter]];
  for (const [key, limiter] of keys) if (await blocked(key, limiter)) throw new OAuthError("invalid_grant", "Too many failed attempts. Try again later.");
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, staff: true, passwordHash: true, memberships: { where: { role: { in: ["owner", "admin"] }, account: { deletedAt: null, status: "active" } }, orderBy: { createdAt: "asc" }, select: { accountId: true, account: { select: { number: true } } } } },
  });
  const ok = await verifyPassword(user && !user.staff ? user.passwordHash : null, form.password);
  const invalid = new OAuthError("invalid_grant", "The user name or password is wrong.");
  if (!ok || !user) {
    await penalise(keys);
    throw invalid;
  }
  const wanted = form.account ? parseAccountNumber(form.account) : null;
  const membership = form.account ? user.memberships.find((m) => m.accountId === form.account || m.account.number === wanted) : user.memberships[0];
  if (!membership) throw new OAuthError("invalid_grant", "The user may not authorize apps in that account.");
  return prisma.$transaction(async (tx) => {
    const authorization = await upsertAuthorization(tx, client.id, membership.accountId, user.id, scopes);
    return issueTokens(tx, { client, authorizationId: authorization.id, accountId: membership.accountId, userId: user.id, scopes, withRefresh: client.grantTypes.includes("refresh_token"), ip, nowMs });
  });
}

export async function clientCredentialsGrant(prisma: PrismaClient, client: AuthenticatedClient, form: Form, ip: string | null, nowMs: number): Promise<TokenResponse> {
  assertGrantAllowed(client, "client_credentials");
  const scopes = scopesOf(form);
  return prisma.$transaction(async (tx) => {
    const authorization = await upsertAuthorization(tx, client.id, client.accountId, null, scopes);
    return issueTokens(tx, { client, authorizationId: authorization.id, accountId: client.accountId, userId: null, scopes, withRefresh: false, ip, nowMs });
  });
}
