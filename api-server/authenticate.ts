/** Who is calling: the Authorization header, the caller's key checked against the cache, one 401 for every failure. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendProblem } from "./http";
import type { ApiDeps, ApiRequest } from "./context";
import type { KeyRecord } from "./verify/key-cache";
import { verifyKey, type VerifyResult } from "./verify/verify-key";
import { ACCESS_TOKEN_PREFIX } from "@/core/oauth/tokens";
import { checkAccessToken, sendTokenForbidden, type TokenCheck } from "./oauth/authenticate-token";
import type { TokenRecord } from "./oauth/token-cache";

const UNAUTHORIZED_HEADERS = { "www-authenticate": 'Basic realm="api"' };

/** One body for every kind of 401, so a caller cannot tell an unknown key id from a wrong secret. */
export function sendUnauthorized(res: ServerResponse) {
  sendProblem(res, 401, "unauthorized", "Unauthorized", "A valid API key is required.", {}, UNAUTHORIZED_HEADERS);
}

export async function sendTooManyFailures(res: ServerResponse, deps: ApiDeps, limiterKey: string): Promise<boolean> {
  const blockedFor = await deps.limits.recordAuthFailure(limiterKey);
  if (blockedFor === 0) return false;
  sendProblem(res, 429, "too-many-failures", "Too Many Requests", "Too many failed authentications. Try again later.", {}, {
    "retry-after": String(blockedFor),
  });
  return true;
}

/** An API key's record, or an OAuth access token's (`type: "oauth"`). */
export type Caller = KeyRecord | TokenRecord;
export type Authenticated = Caller | null;

export const isOAuthCaller = (caller: Caller): caller is TokenRecord => "type" in caller && caller.type === "oauth";
/** The caller's public id for logs and per-caller limits: the key id, or `oauth:<client id>`. */
export const callerId = (caller: Caller) => (isOAuthCaller(caller) ? `oauth:${caller.clientId}` : caller.keyId);

/**
 * Authenticates the caller's own key and enforces the route's scopes. Sends the error response itself and
 * returns null when the request must stop. Answers without a promise whenever verifyKey does (a cache hit once
 * it answers synchronously); a failure counted against the IP limit always waits for the limiter.
 */
export function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
  state: ApiRequest,
  requiredScopes: readonly string[],
): Authenticated | Promise<Authenticated> {
  const presented = presentedKey(req.headers.authorization);
  if ("error" in presented) {
    if (presented.error === "malformed") {
      sendProblem(res, 400, "malformed-authorization", "Bad Request", "The Authorization header is malformed.");
    } else {
      sendUnauthorized(res);
    }
    return null;
  }
  if (presented.key.startsWith(ACCESS_TOKEN_PREFIX)) {
    const checked = checkAccessToken(deps, presented.key, state, requiredScopes);
    return checked instanceof Promise ? checked.then((c) => decideToken(res, deps, state, c)) : decideToken(res, deps, state, checked);
  }
  const result: VerifyResult | Promise<VerifyResult> = verifyKey(deps.cache, presented.key, {
    ip: state.ip,
    requiredScopes,
    nowMs: state.nowMs,
    pepper: deps.pepper,
  });
  return result instanceof Promise ? result.then((r) => decide(res, deps, state, r)) : decide(res, deps, state, result);
}

function decideToken(res: ServerResponse, deps: ApiDeps, state: ApiRequest, result: TokenCheck): Authenticated | Promise<Authenticated> {
  if (result.ok) {
    state.keyId = `oauth:${result.record.clientId}`;
    deps.oauth.tokens.touch(result.record.authorizationId, state.nowMs);
    return result.record;
  }
  if (result.status === 403) {
    sendTokenForbidden(res, result);
    return null;
  }
  return sendTooManyFailures(res, deps, state.ipText ?? "unknown").then((blocked) => {
    if (!blocked) sendUnauthorized(res);
    return null;
  });
}

function decide(res: ServerResponse, deps: ApiDeps, state: ApiRequest, result: VerifyResult): Authenticated | Promise<Authenticated> {
  switch (result.code) {
    case "VALID":
      state.keyId = result.record.keyId;
      deps.usage.record(result.record.id, state.ipText, state.nowMs);
      return result.record;
    case "NOT_FOUND":
      return sendTooManyFailures(res, deps, state.ipText ?? "unknown").then((blocked) => {
        if (!blocked) sendUnauthorized(res);
        return null;
      });
    case "ACCOUNT_SUSPENDED":
      sendProblem(res, 403, "account-suspended", "Forbidden", "The account this API key belongs to is suspended.", { code: "ACCOUNT_SUSPENDED" });
      return null;
    case "DISABLED":
      sendProblem(res, 403, "key-disabled", "Forbidden", "This API key is disabled.", { code: "DISABLED" });
      return null;
    case "EXPIRED":
      sendProblem(res, 403, "key-expired", "Forbidden", "This API key has expired.", { code: "EXPIRED" });
      return null;
    case "IP_NOT_ALLOWED":
      sendProblem(res, 403, "ip-not-allowed", "Forbidden", "This API key may not be used from your IP address.", {
        code: "IP_NOT_ALLOWED",
      });
      return null;
    case "INSUFFICIENT_SCOPE":
      sendProblem(res, 403, "insufficient-scope", "Forbidden", `This API key lacks the scope(s): ${result.missingScopes.join(", ")}.`, {
        code: "INSUFFICIENT_SCOPE",
      });
      return null;
  }
}

export type PresentedKey = { key: string } | { error: "missing" | "malformed" };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Basic (any username, key as password; or key as username with an empty password) or Bearer. Anything else is
 * "missing"; a header that claims a scheme but is broken is "malformed".
 */
export function presentedKey(header: string | undefined): PresentedKey {
  if (!header) return { error: "missing" };
  if (header.length > 8192) return { error: "malformed" };
  const space = header.indexOf(" ");
  if (space < 0) return { error: "malformed" };
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === "bearer") return value ? { key: value } : { error: "malformed" };
  if (scheme !== "basic") return { error: "missing" };
  if (!BASE64.test(value) || value.length % 4 !== 0) return { error: "malformed" };
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { error: "malformed" };
  const password = decoded.slice(colon + 1);
  const key = password || decoded.slice(0, colon);
  return key ? { key } : { error: "missing" };
}
