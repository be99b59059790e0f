/** GET /api/v1/whoami: the account and key the caller authenticated with. */
import type { WhoamiResponse } from "@/core/api-contract/schemas";
import { authenticate } from "../authenticate";
import type { RouteHandler } from "../context";
import { sendJson } from "../http";
import { accountBody } from "./account-ref";

export const WHOAMI_SCOPES: readonly string[] = [];

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const whoami: RouteHandler = async (req, res, deps, state) => {
  const key = await authenticate(req, res, deps, state, WHOAMI_SCOPES);
  if (!key) return;
  const body: WhoamiResponse = {
    account: accountBody(key.account),
    key: { keyId: key.keyId, name: key.name, scopes: key.scopes, permissions: key.permissions, expiresAt: iso(key.expiresAt) },
  };
  sendJson(res, 200, body);
};
