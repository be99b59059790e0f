/** POST /api/v1/keys/verify: a service checks a key presented to it (the caller needs `keys:verify`). */
import { z } from "zod";
import { verifyRequestSchema, type VerifyResponse } from "@/core/api-contract/schemas";
import { formatIp } from "@/core/net/client-ip";
import { parseClientIp } from "@/core/net/ip";
import { authenticate } from "../authenticate";
import type { RouteHandler } from "../context";
import { BodyError, readJson, sendJson, sendProblem } from "../http";
import { verifyKey, type VerifyResult } from "../verify/verify-key";
import { iso } from "./whoami";
import { accountRef } from "./account-ref";

export const VERIFY_SCOPES: readonly string[] = ["keys:verify"];

function verifyResponse(result: VerifyResult | { code: "RATE_LIMITED"; record?: undefined }): VerifyResponse {
  const record = result.record;
  return {
    valid: result.code === "VALID",
    code: result.code,
    accountId: record?.account.id ?? null,
    account: record ? accountRef(record.account) : null,
    keyId: record?.keyId ?? null,
    scopes: record?.scopes ?? [],
    permissions: record?.permissions ?? [],
    expiresAt: iso(record?.expiresAt ?? null),
    ...(result.code === "INSUFFICIENT_SCOPE" ? { missingScopes: result.missingScopes } : {}),
  };
}

export const verify: RouteHandler = async (req, res, deps, state) => {
  const caller = await authenticate(req, res, deps, state, VERIFY_SCOPES);
  if (!caller) return;
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (e) {
    const tooLarge = e instanceof BodyError && e.tooLarge;
    // After an oversized body the connection is closed rather than drained to its end.
    return sendProblem(res, 400, "malformed-request", "Bad Request", e instanceof BodyError ? e.message : "Bad request body", {}, tooLarge ? { connection: "close" } : {});
  }
  const parsed = verifyRequestSchema.safeParse(body);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error);
    const fields = { ...errors.fieldErrors, ...(errors.formErrors.length ? { body: errors.formErrors } : {}) };
    return sendProblem(res, 400, "malformed-request", "Bad Request", "The request body is invalid.", { errors: fields as Record<string, string[]> });
  }
  const ip = parsed.data.ip === undefined ? null : parseClientIp(parsed.data.ip);
  if (parsed.data.ip !== undefined && !ip) {
    return sendProblem(res, 400, "malformed-request", "Bad Request", "The request body is invalid.", { errors: { ip: ["Not a valid IP address"] } });
  }
  let result: VerifyResult | { code: "RATE_LIMITED" } = verifyKey(deps.cache, parsed.data.key, {
    ip,
    requiredScopes: parsed.data.requiredScopes,
    nowMs: state.nowMs,
    pepper: deps.pepper,
  });
  // A caller verifies keys of its own account and of its subaccounts only; anything else (a parent's, a
  // sibling's, a stranger's) does not exist for it. An SMTP login's user name must be the key's own id
  // (Mailjet's convention: user name = key id, password = the key).
  const owner = result.record?.account;
  if (owner && owner.id !== caller.account.id && owner.parent?.id !== caller.account.id) result = { code: "NOT_FOUND" };
  if (result.record && parsed.data.username !== undefined && parsed.data.username !== result.record.keyId) result = { code: "NOT_FOUND" };
  if (result.code === "NOT_FOUND" && (await deps.limits.recordAuthFailure(`verify:${caller.id}`)) > 0) {
    result = { code: "RATE_LIMITED" };
  }
  if (result.code === "VALID") deps.usage.record(result.record.id, formatIp(ip), state.nowMs);
  sendJson(res, 200, verifyResponse(result));
};
