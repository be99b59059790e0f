/** GET /api/v1/whoami: the account and the principal (API key, API user or OAuth app) the caller authenticated as. */
import type { ServerResponse } from "node:http";
import type { WhoamiResponse } from "@/core/api-contract/schemas";
import { authenticate, type Caller } from "../authenticate";
import type { RouteHandler } from "../context";
import { sendBody } from "../http";
import { accountBody } from "./account-ref";

export const WHOAMI_SCOPES: readonly string[] = [];

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** No promise unless authentication needs one (see authenticate). */
export const whoami: RouteHandler = (req, res, deps, state) => {
  const key = authenticate(req, res, deps, state, WHOAMI_SCOPES);
  if (key instanceof Promise) {
    return key.then((found) => {
      if (found) answer(res, found);
    });
  }
  if (key) answer(res, key);
};

/**
 * The answer depends only on the principal's cached record (and the account it holds), and the caches replace a
 * record whenever anything about it or its account changes, never edit one: so the serialised body is kept per
 * record and a repeat caller costs no JSON.stringify. Weak, so a replaced record's body goes with it.
 */
const bodies = new WeakMap<object, string>();

function answer(res: ServerResponse, caller: Caller): void {
  const record = caller.key ?? caller.apiUser ?? caller.token;
  let body = bodies.get(record);
  if (body === undefined) {
    body = JSON.stringify(whoamiBody(caller));
    bodies.set(record, body);
  }
  sendBody(res, 200, "application/json", body);
}

function whoamiBody(caller: Caller): WhoamiResponse {
  const { key, apiUser, token } = caller;
  const principal: WhoamiResponse["principal"] = key
    ? { type: "api_key", keyId: key.keyId }
    : apiUser
      ? { type: "api_user", username: apiUser.username }
      : { type: "oauth", clientId: token.clientId, app: token.appName, scopes: token.scopes, expiresAt: iso(token.expiresAt) };
  return {
    account: accountBody(caller.account),
    limits: caller.account.limits,
    principal,
    key: key ? { keyId: key.keyId, name: key.name, scopes: key.scopes, permissions: key.permissions, expiresAt: iso(key.expiresAt) } : null,
  };
}
