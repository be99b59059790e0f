/** GET /api/v1/whoami: the account and the principal (API key, API user or OAuth app) the caller authenticated as. */
import type { ServerResponse } from "node:http";
import type { WhoamiResponse } from "@/core/api-contract/schemas";
import { authenticate, type Caller } from "../authenticate";
import type { RouteHandler } from "../context";
import { sendJson } from "../http";
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

function answer(res: ServerResponse, caller: Caller): void {
  const { key, apiUser, token } = caller;
  const principal: WhoamiResponse["principal"] = key
    ? { type: "api_key", keyId: key.keyId }
    : apiUser
      ? { type: "api_user", username: apiUser.username }
      : { type: "oauth", clientId: token.clientId, app: token.appName, scopes: token.scopes, expiresAt: iso(token.expiresAt) };
  const body: WhoamiResponse = {
    account: accountBody(caller.account),
    limits: caller.account.limits,
    principal,
    key: key ? { keyId: key.keyId, name: key.name, scopes: key.scopes, permissions: key.permissions, expiresAt: iso(key.expiresAt) } : null,
  };
  sendJson(res, 200, body);
}
