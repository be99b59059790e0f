/**
 * GET /oauth/authorize checks (RFC 6749 §4.1.1, §4.1.2.1; RFC 7636). An unknown client or a redirect URI that is
 * not exactly registered is shown on our page and never redirected to; every other problem goes back to the
 * app's redirect URI as `error` + `state`. The same checks run again when the user presses Allow.
 */
import "server-only";
import { createAuthorizationCode } from "@/core/oauth/authorize";
import { parseScopes } from "@/core/oauth/grants";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { listMemberships } from "@/lib/auth/context";
import { AppError, ForbiddenError } from "@/lib/errors";

export type AuthorizeParams = Partial<Record<"response_type" | "client_id" | "redirect_uri" | "scope" | "state" | "code_challenge" | "code_challenge_method", string>>;

export type AuthorizeRequest = {
  client: { id: string; name: string; developerName: string; clientId: string };
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
};

export type AuthorizeCheck = { kind: "show"; message: string } | { kind: "redirect"; url: string } | { kind: "ok"; request: AuthorizeRequest };

const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function redirectWith(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

export async function checkAuthorizeRequest(p: AuthorizeParams): Promise<AuthorizeCheck> {
  if (!p.client_id) return { kind: "show", message: "The request names no app (client_id is missing)." };
  const client = await (await getPrisma()).oAuthClient.findUnique({
    where: { clientId: p.client_id.slice(0, 64) },
    select: { id: true, name: true, developerName: true, clientId: true, redirectUris: true, grantTypes: true, account: { select: { status: true, deletedAt: true } } },
  });
  if (!client || client.account.deletedAt) return { kind: "show", message: "This app is not registered (unknown client_id)." };
  const redirectUri = p.redirect_uri ?? (client.redirectUris.length === 1 ? client.redirectUris[0]! : null);
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
    return { kind: "show", message: "The redirect URI is not registered for this app exactly as given, so we will not send you there." };
  }
  const state = p.state ?? null;
  const fail = (error: string, description: string): AuthorizeCheck => ({ kind: "redirect", url: redirectWith(redirectUri, { error, error_description: description, state }) });
  if (p.response_type !== "code") return fail("unsupported_response_type", "Only response_type=code is supported.");
  if (!client.grantTypes.includes("authorization_code") || client.account.status !== "active") return fail("unauthorized_client", "This app may not use the authorization code flow.");
  const scopes = parseScopes(p.scope);
  if (!scopes) return fail("invalid_scope", "Unknown scope.");
  if (p.code_challenge_method !== undefined && p.code_challenge_method !== "S256") return fail("invalid_request", "Only code_challenge_method=S256 is supported.");
  if (p.code_challenge !== undefined && !CHALLENGE.test(p.code_challenge)) return fail("invalid_request", "code_challenge is malformed.");
  if (p.code_challenge_method !== undefined && p.code_challenge === undefined) return fail("invalid_request", "code_challenge is missing.");
  const shown = { id: client.id, name: client.name, developerName: client.developerName, clientId: client.clientId };
  return { kind: "ok", request: { client: shown, redirectUri, scopes, state, codeChallenge: p.code_challenge ?? null } };
}

/** Accounts where the user may authorize apps: owner or admin, active. */
export async function authorizableAccounts(userId: string) {
  const found = await listMemberships(userId);
  if (!found || found.staff) return [];
  return found.memberships.filter((m) => (m.role === "owner" || m.role === "admin") && m.accountStatus === "active");
}

/** Allow or Deny on the consent screen: where the browser goes next. */
export async function decideAuthorization(ctx: ActorContext, params: AuthorizeParams, accountId: string, allow: boolean): Promise<{ redirectTo: string }> {
  const check = await checkAuthorizeRequest(params);
  if (check.kind === "show") throw new AppError(check.message);
  if (check.kind === "redirect") return { redirectTo: check.url };
  const { request } = check;
  if (!allow) return { redirectTo: redirectWith(request.redirectUri, { error: "access_denied", error_description: "The user denied access.", state: request.state }) };
  const account = (await authorizableAccounts(ctx.userId)).find((m) => m.accountId === accountId);
  if (!account) throw new ForbiddenError("You may not authorize apps in that account.");
  const code = await createAuthorizationCode(await getPrisma(), {
    clientDbId: request.client.id,
    appName: request.client.name,
    accountId: account.accountId,
    userId: ctx.userId,
    userEmail: ctx.email,
    scopes: request.scopes,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    ip: ctx.ip,
  });
  return { redirectTo: redirectWith(request.redirectUri, { code, state: request.state }) };
}
