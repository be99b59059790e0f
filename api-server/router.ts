/**
 * The lean /api/v1 handler on plain node:http (no Next pipeline on the hot path): resolves the client IP (once
 * per connection unless a trusted proxy forwards it), holds the per-IP in-flight limit, routes to routes/<endpoint>.ts, writes the access log, and turns anything
 * unexpected into a 500 without detail.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { formatIp, resolveClientIp, type TrustedProxies } from "@/core/net/client-ip";
import type { IpAddress } from "@/core/net/ip";
import { now, testClockEnabled } from "./clock";
import type { ApiDeps, ApiRequest, RouteHandler } from "./context";
import { sendProblem } from "./http";
import type { Release } from "./limits";
import { openapi } from "./routes/openapi";
import { testClock } from "./routes/test-clock";
import { verify, VERIFY_SCOPES } from "./routes/verify";
import { whoami, WHOAMI_SCOPES } from "./routes/whoami";
import { oauthToken } from "./routes/oauth-token";
import { oauthRevoke } from "./routes/oauth-revoke";
import { oauthIntrospect } from "./routes/oauth-introspect";
import { oauthMetadata } from "./routes/oauth-metadata";

/** RFC 8414 puts the metadata at the root; the front door sends this one path here too. */
export const OAUTH_METADATA_PATH = "/.well-known/oauth-authorization-server";

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
  "/api/v1/oauth/token": { POST: oauthToken },
  "/api/v1/oauth/revoke": { POST: oauthRevoke },
  "/api/v1/oauth/introspect": { POST: oauthIntrospect },
  [OAUTH_METADATA_PATH]: { GET: oauthMetadata },
};

/** The parsed client address of a connection, kept on its socket: every request of a keep-alive connection shares it. */
const SOCKET_IP = Symbol("clientIp");
type SocketIp = { ip: IpAddress | null; ipText: string | null };

function clientIp(req: IncomingMessage, trusted: TrustedProxies): SocketIp {
  const forwarded = req.headers["x-forwarded-for"];
  // Behind a trusted proxy the address depends on each request's X-Forwarded-For, so it is resolved every time.
  if (trusted.count > 0 && forwarded !== undefined) {
    const ip = resolveClientIp(req.socket.remoteAddress, forwarded, trusted);
    return { ip, ipText: formatIp(ip) };
  }
  const socket = req.socket as Socket & { [SOCKET_IP]?: SocketIp };
  let known = socket[SOCKET_IP];
  if (!known) {
    const ip = resolveClientIp(socket.remoteAddress, undefined, trusted);
    known = { ip, ipText: formatIp(ip) };
    socket[SOCKET_IP] = known;
  }
  return known;
}

function pathOf(url: string | undefined): string {
  if (!url) return "/";
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

function route(routes: Routes, path: string, req: IncomingMessage, res: ServerResponse, deps: ApiDeps, state: ApiRequest): void | Promise<void> {
  const methods = routes[path];
  const handler = methods?.[req.method ?? ""];
  if (handler) return handler(req, res, deps, state);
  if (methods) return sendProblem(res, 405, "method-not-allowed", "Method Not Allowed", `Use ${Object.keys(methods).join(", ")}.`, {}, { allow: Object.keys(methods).join(", ") });
  sendProblem(res, 404, "not-found", "Not Found", "No such endpoint.");
}

/**
 * Synchronous wherever the work is: a route may answer without a promise (whoami on a cache hit), and only
 * what really waits (Redis limits, a database look-up, a body) makes one. Every promise counts once Next has
 * served a page, because its AsyncLocalStorage then hooks every promise the process creates (Node 20).
 */
export function createApiHandler(deps: ApiDeps) {
  const routes: Routes = testClockEnabled() ? { ...ROUTES, "/api/v1/__test/clock": { POST: testClock } } : ROUTES;
  return function handleApi(req: IncomingMessage, res: ServerResponse): void {
    const { ip, ipText } = clientIp(req, deps.trustedProxies);
    const state: ApiRequest = { ip, ipText, nowMs: now() };
    const path = pathOf(req.url);
    if (deps.accessLog) {
      const started = performance.now();
      res.once("finish", () => {
        // Known routes only, never the query string or an unknown path: a careless client may put a key there.
        const shown = path in routes ? path : "<other>";
        const ms = (performance.now() - started).toFixed(1);
        console.log(`[api] ${req.method} ${shown} ${res.statusCode} ip=${state.ipText ?? "-"} key=${state.keyId ?? "-"} ${ms}ms`);
      });
    }
    const fail = (e: unknown) => {
      console.error(`[api] unexpected ${e instanceof Error ? e.name : typeof e} on ${req.method} ${path}`);
      if (!res.headersSent) sendProblem(res, 500, "internal", "Internal Server Error", "Something went wrong.");
      else res.destroy();
    };
    const dispatch = (release: Release | null): void | Promise<void> => {
      if (!release) {
        return sendProblem(res, 429, "too-many-in-flight", "Too Many Requests", "Too many concurrent requests from your IP address.", {}, { "retry-after": "1" });
      }
      let result: void | Promise<void> = undefined;
      try {
        result = route(routes, path, req, res, deps, state);
      } finally {
        // Answered already (whoami on a cache hit): the slot is free now, with no listener to register and fire.
        if (result === undefined && res.writableEnded) release();
        else res.once("close", release);
      }
      return result;
    };
    try {
      const acquired = deps.limits.acquire(ipText ?? "unknown");
      const done = acquired instanceof Promise ? acquired.then(dispatch) : dispatch(acquired);
      if (done instanceof Promise) done.catch(fail);
    } catch (e) {
      fail(e);
    }
  };
}
