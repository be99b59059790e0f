/** GET /api/v1/whoami: the account and the principal (API key or OAuth app) the caller authenticated with. */
import type { ServerResponse } from "node:http";
import type { WhoamiResponse } from "@/core/api-contract/schemas";
import { authenticate, isOAuthCaller, type Caller } from "../authenticate";
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
  const body: WhoamiResponse = isOAuthCaller(caller)
    ? {
        account: accountBody(caller.account),
        principal: { type: "oauth", clientId: caller.clientId, app: caller.appName, scopes: caller.scopes, expiresAt: iso(caller.expiresAt) },
        key: null,
      }
    : {
        account: accountBody(caller.account),
        principal: { type: "api_key", keyId: caller.keyId },
        key: { keyId: caller.keyId, name: caller.name, scopes: caller.scopes, permissions: caller.permissions, expiresAt: iso(caller.expiresAt) },
      };
  sendJson(res, 200, body);
}
