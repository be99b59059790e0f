/**
 * The lean /api/v1 handler on plain node:http (no Next pipeline on the hot path): resolves the client IP, holds
 * the per-IP in-flight limit, routes to routes/<endpoint>.ts, writes the access log, and turns anything
 * unexpected into a 500 without detail.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatIp, resolveClientIp } from "@/core/net/client-ip";
import { now, testClockEnabled } from "./clock";
import type { ApiDeps, ApiRequest, RouteHandler } from "./context";
import { sendProblem } from "./http";
import { openapi } from "./routes/openapi";
import { testClock } from "./routes/test-clock";
import { verify, VERIFY_SCOPES } from "./routes/verify";
import { whoami, WHOAMI_SCOPES } from "./routes/whoami";

type Routes = Record<string, Record<string, RouteHandler>>;

/** Which scopes each of our own endpoints needs. */
export const ROUTE_SCOPES = {
  "GET /api/v1/whoami": WHOAMI_SCOPES,
  "POST /api/v1/keys/verify": VERIFY_SCOPES,
} as const satisfies Record<string, readonly string[]>;

const ROUTES: Routes = {
  "/api/v1/whoami": { GET: whoami },
  "/api/v1/keys/verify": { POST: verify },
  "/api/v1/openapi.json": { GET: openapi },
};

export function createApiHandler(deps: ApiDeps) {
  const routes: Routes = testClockEnabled() ? { ...ROUTES, "/api/v1/__test/clock": { POST: testClock } } : ROUTES;
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
