/**
 * Bearer access tokens on the API: the HMAC of the token is looked up in the token cache (a database read only on
 * the first use on this instance), then expiry, the account's state and the route's scopes are checked. Failures
 * answer exactly like a bad API key (one 401 body, counted against the IP's failure budget).
 */
import type { ServerResponse } from "node:http";
import { hashSecretBytes } from "@/core/secrets/hash";
import { ACCESS_TOKEN_REGEX } from "@/core/oauth/tokens";
import type { ApiDeps, ApiRequest } from "../context";
import { sendProblem } from "../http";
import type { TokenRecord } from "./token-cache";

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; status: 401 | 403; code?: string; detail?: string };

function check(record: TokenRecord | null, state: ApiRequest, requiredScopes: readonly string[]): TokenCheck {
  if (!record || record.expiresAt <= state.nowMs) return { ok: false, status: 401 };
  if (record.account.status === "suspended") return { ok: false, status: 403, code: "ACCOUNT_SUSPENDED", detail: "The account this token belongs to is suspended." };
  const missing = requiredScopes.filter((s) => !record.scopes.includes(s));
  if (missing.length > 0) return { ok: false, status: 403, code: "INSUFFICIENT_SCOPE", detail: `This token lacks the scope(s): ${missing.join(", ")}.` };
  return { ok: true, record };
}

/** Synchronous on a cache hit. */
export function checkAccessToken(deps: ApiDeps, token: string, state: ApiRequest, requiredScopes: readonly string[]): TokenCheck | Promise<TokenCheck> {
  if (!ACCESS_TOKEN_REGEX.test(token)) return { ok: false, status: 401 };
  const hash = hashSecretBytes(token, deps.pepper).toString("hex");
  const known = deps.oauth.tokens.peek(hash);
  if (known !== undefined) return check(known, state, requiredScopes);
  return deps.oauth.tokens.load(hash).then((record) => check(record, state, requiredScopes));
}

/** Sends the 403 for a failed check (the caller sends 401s itself, through the shared failure path). */
export function sendTokenForbidden(res: ServerResponse, result: Extract<TokenCheck, { ok: false }>): void {
  const slug = result.code === "ACCOUNT_SUSPENDED" ? "account-suspended" : "insufficient-scope";
  sendProblem(res, 403, slug, "Forbidden", result.detail ?? "Forbidden", { code: result.code });
}
