import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { advanceTestClock, now, testClockEnabled } from "./clock";
import { formatIp, resolveClientIp } from "./client-ip";
import type { ApiDeps, ApiRequest } from "./context";
import { authenticate } from "./authenticate";
import { BodyError, readJson, sendBody, sendJson, sendProblem } from "./http";
import { parseClientIp } from "./ip-match";
import { buildOpenApiDocument } from "./openapi";
import { verifyRequestSchema, type VerifyResponse, type WhoamiResponse } from "./schemas";
import { verifyKey, type VerifyResult } from "./verify-key";

/** Which scopes each of our own endpoints needs. */
export const ROUTE_SCOPES = {
  "GET /api/v1/whoami": [],
  "POST /api/v1/keys/verify": ["keys:verify"],
} as const satisfies Record<string, readonly string[]>;

const OPENAPI_JSON = JSON.stringify(buildOpenApiDocument());
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function whoami(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest) {
  const key = await authenticate(req, res, deps, state, ROUTE_SCOPES["GET /api/v1/whoami"]);
  if (!key) return;
  const body: WhoamiResponse = {
    account: key.account,
    key: { keyId: key.keyId, name: key.name, scopes: key.scopes, permissions: key.permissions, expiresAt: iso(key.expiresAt) },
  };
  sendJson(res, 200, body);
}

function verifyResponse(result: VerifyResult | { code: "RATE_LIMITED"; record?: undefined }): VerifyResponse {
  const record = result.record;
  return {
    valid: result.code === "VALID",
    code: result.code,
    accountId: record?.account.id ?? null,
    keyId: record?.keyId ?? null,
    scopes: record?.scopes ?? [],
    permissions: record?.permissions ?? [],
    expiresAt: iso(record?.expiresAt ?? null),
    ...(result.code === "INSUFFICIENT_SCOPE" ? { missingScopes: result.missingScopes } : {}),
  };
}

async function verify(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest) {
  const caller = await authenticate(req, res, deps, state, ROUTE_SCOPES["POST /api/v1/keys/verify"]);
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
  let result: VerifyResult | { code: "RATE_LIMITED" } = await verifyKey(deps.cache, parsed.data.key, {
    ip,
    requiredScopes: parsed.data.requiredScopes,
    nowMs: state.nowMs,
    pepper: deps.pepper,
  });
  // A caller verifies keys of its own account only; anything else does not exist for it.
  if (result.record && result.record.account.id !== caller.account.id) result = { code: "NOT_FOUND" };
  if (result.code === "NOT_FOUND" && (await deps.limits.recordAuthFailure(`verify:${caller.keyId}`)) > 0) {
    result = { code: "RATE_LIMITED" };
  }
  if (result.code === "VALID") deps.usage.record(result.record.id, formatIp(ip), state.nowMs);
  sendJson(res, 200, verifyResponse(result));
}

async function testClock(req: IncomingMessage, res: ServerResponse) {
  const body = z.object({ advanceMs: z.number().int().min(0).max(365 * 86_400_000) }).safeParse(await readJson(req).catch(() => null));
  if (!body.success) return sendProblem(res, 400, "malformed-request", "Bad Request", "advanceMs is required");
  sendJson(res, 200, { offsetMs: advanceTestClock(body.data.advanceMs) });
}

const ROUTES: Record<string, Record<string, (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest) => Promise<void> | void>> = {
  "/api/v1/whoami": { GET: whoami },
  "/api/v1/keys/verify": { POST: verify },
  "/api/v1/openapi.json": {
    GET: (_req, res) => sendBody(res, 200, "application/json", OPENAPI_JSON, { "cache-control": "public, max-age=300" }),
  },
};

/** The lean /api/v1 handler: plain node:http, no Next pipeline on the hot path. */
export function createApiHandler(deps: ApiDeps) {
  const routes = testClockEnabled() ? { ...ROUTES, "/api/v1/__test/clock": { POST: testClock } } : ROUTES;
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], deps.trustedProxies);
    const state: ApiRequest = { ip, ipText: formatIp(ip), nowMs: now() };
    const path = (req.url ?? "/").split("?")[0]!;
    if (deps.accessLog) {
      res.once("finish", () => {
        // Known routes only, never the query string or an unknown path: a careless client may put a key there.
        const shown = path in routes ? path : "<other>";
        const ms = (performance.now() - started).toFixed(1);
        console.log(`[api] ${req.method} ${shown} ${res.statusCode} ip=${state.ipText ?? "-"} key=${state.keyId ?? "-"} ${ms}ms`);
      });
    }
    try {
      const release = await deps.limits.acquire(state.ipText ?? "unknown");
      if (!release) {
        return sendProblem(res, 429, "too-many-in-flight", "Too Many Requests", "Too many concurrent requests from your IP address.", {}, { "retry-after": "1" });
      }
      res.once("close", release);
      const methods = routes[path];
      const handler = methods?.[req.method ?? ""];
      if (handler) return await handler(req, res, deps, state);
      if (methods) return sendProblem(res, 405, "method-not-allowed", "Method Not Allowed", `Use ${Object.keys(methods).join(", ")}.`, {}, { allow: Object.keys(methods).join(", ") });
      sendProblem(res, 404, "not-found", "Not Found", "No such endpoint.");
    } catch (e) {
      console.error(`[api] unexpected ${e instanceof Error ? e.name : typeof e} on ${req.method} ${path}`);
      if (!res.headersSent) sendProblem(res, 500, "internal", "Internal Server Error", "Something went wrong.");
      else res.destroy();
    }
  };
}
