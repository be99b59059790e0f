/** GET /api/v1/whoami: the account and key the caller authenticated with. */
import type { ServerResponse } from "node:http";
import type { WhoamiResponse } from "@/core/api-contract/schemas";
import { authenticate } from "../authenticate";
import type { RouteHandler } from "../context";
import { sendJson } from "../http";
import { accountBody } from "./account-ref";
import type { KeyRecord } from "../verify/key-cache";

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

function answer(res: ServerResponse, key: KeyRecord): void {
  const body: WhoamiResponse = {
    account: accountBody(key.account),
    limits: key.account.limits,
    key: { keyId: key.keyId, name: key.name, scopes: key.scopes, permissions: key.permissions, expiresAt: iso(key.expiresAt) },
  };
  sendJson(res, 200, body);
}
