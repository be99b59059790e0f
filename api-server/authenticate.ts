/**
 * Who is calling: an API key (Bearer, or Basic with the key as password) checked against the key cache, an OAuth
 * access token (Bearer `dcat_…`) against the token cache, or an API user (Basic with its generated user name and
 * password) against the API-user cache; one 401 for every failure of any kind, counted in the same per-IP limit.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendProblem } from "./http";
import type { ApiDeps, ApiRequest } from "./context";
import type { ApiUserCheck, ApiUserRecord } from "./verify/api-user-cache";
import type { AccountInfo, KeyRecord } from "./verify/key-record";
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

/**
 * The authenticated caller: its account, and its key, API user or OAuth access token. `id` names it in logs and
 * per-caller limits (the key id, the API user's name, or `oauth:<client id>`), never a secret.
 */
export type Caller =
  | { type: "api_key"; id: string; account: AccountInfo; key: KeyRecord; apiUser?: undefined; token?: undefined }
  | { type: "api_user"; id: string; account: AccountInfo; apiUser: ApiUserRecord; key?: undefined; token?: undefined }
  | { type: "oauth"; id: string; account: AccountInfo; token: TokenRecord; key?: undefined; apiUser?: undefined };

export type Authenticated = Caller | null;

/**
 * Authenticates the caller's own key and enforces the route's scopes. Sends the error response itself and
 * returns null when the request must stop. A key is answered without a promise (verifyKey never waits for the
 * database); a failure counted against the IP limit always waits for the limiter.
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
  if ("apiUser" in presented) {
    const { username, password } = presented.apiUser;
    return deps.apiUsers.check(username, password).then((r) => decideApiUser(res, deps, state, r));
  }
  if (presented.key.startsWith(ACCESS_TOKEN_PREFIX)) {
    const checked = checkAccessToken(deps, presented.key, state, requiredScopes);
    return checked instanceof Promise ? checked.then((c) => decideToken(res, deps, state, c)) : decideToken(res, deps, state, checked);
  }
  const result = verifyKey(deps.cache, presented.key, { ip: state.ip, requiredScopes, nowMs: state.nowMs, pepper: deps.pepper });
  return decide(res, deps, state, result);
}

function decideToken(res: ServerResponse, deps: ApiDeps, state: ApiRequest, result: TokenCheck): Authenticated | Promise<Authenticated> {
  if (result.ok) {
    const id = `oauth:${result.record.clientId}`;
    state.keyId = id;
    deps.oauth.tokens.touch(result.record.authorizationId, state.nowMs);
    return { type: "oauth", id, account: result.record.account, token: result.record };
  }
  if (result.status === 403) {
    sendTokenForbidden(res, result);
    return null;
  }
  return refuse(res, deps, state);
}

function decide(res: ServerResponse, deps: ApiDeps, state: ApiRequest, result: VerifyResult): Authenticated | Promise<Authenticated> {
  switch (result.code) {
    case "VALID":
      state.keyId = result.record.keyId;
      deps.usage.record(result.record.id, state.ipText, state.nowMs);
      return { type: "api_key", id: result.record.keyId, account: result.record.account, key: result.record };
    case "NOT_FOUND":
      return refuse(res, deps, state);
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

function refuse(res: ServerResponse, deps: ApiDeps, state: ApiRequest): Promise<null> {
  return sendTooManyFailures(res, deps, state.ipText ?? "unknown").then((blocked) => {
    if (!blocked) sendUnauthorized(res);
    return null;
  });
}

/** API users have the account's full API access: they carry no scopes of their own (as Dotdigital's). */
function decideApiUser(res: ServerResponse, deps: ApiDeps, state: ApiRequest, result: ApiUserCheck): Authenticated | Promise<Authenticated> {
  switch (result.code) {
    case "NOT_FOUND":
      return refuse(res, deps, state);
    case "DISABLED":
      sendProblem(res, 403, "user-disabled", "Forbidden", "This API user is disabled.", { code: "USER_DISABLED" });
      return null;
    case "ACCOUNT_SUSPENDED":
      sendProblem(res, 403, "account-suspended", "Forbidden", "The account this API user belongs to is suspended.", { code: "ACCOUNT_SUSPENDED" });
      return null;
    case "VALID":
      state.keyId = result.user.username;
      deps.apiUsers.touch(result.user, state.ipText, state.nowMs);
      return { type: "api_user", id: result.user.username, account: result.user.account, apiUser: result.user };
  }
}

export type PresentedKey = { key: string } | { apiUser: { username: string; password: string } } | { error: "missing" | "malformed" };

/** API users' generated names (`apiuser-<8 base62>@api.<host>`); a Basic login with such a name is an API user's. */
const API_USER_NAME = /^apiuser-[A-Za-z0-9]{8}@[^\s:@]{1,253}$/;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Basic (an API user's name and password; any other username with the key as password; or the key as username
 * with an empty password) or Bearer. Anything else is
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
  const username = decoded.slice(0, colon);
  if (password && API_USER_NAME.test(username)) return { apiUser: { username, password } };
  const key = password || decoded.slice(0, colon);
  return key ? { key } : { error: "missing" };
}
