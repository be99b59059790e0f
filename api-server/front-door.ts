/**
 * The one HTTP entry point of the process. Every request: origin-form target and a well-formed Host, or 400;
 * X-Forwarded-* believed only from TRUSTED_PROXIES; HSTS when served over HTTPS; exactly one Host. /api/v1/* then goes to the lean
 * API handler. Everything else gets the client IP in CLIENT_IP_HEADER (overwriting whatever the client sent),
 * GET/HEAD/POST only (405), and every POST — which to the web app means a server action — is checked before
 * Next sees it (request-guard.ts): same origin (403), size (413), type (415) and, for fetch actions, a
 * well-formed argument list (400). Next turns such input into 500s of its own.
 */
import { IncomingMessage, type ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, formatIp, resolveClientIp, type TrustedProxies } from "@/core/net/client-ip";
import { ipAllowed, parseClientIp } from "@/core/net/ip";
import { isCrossSiteRequest } from "@/core/net/same-origin";
import { OAUTH_METADATA_PATH } from "./router";
import { checkActionBody, isValidHost, plainError, readLimited, BODY_LIMIT } from "./request-guard";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const FORWARDED = ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded"];
const HSTS = "max-age=63072000; includeSubDomains";
const FALLBACK_CSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
function hostCount(raw: string[]): number {
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === "host") count++;
  return count;
}
/**
 * The body has been read to check it; Next (and its proxy step, which clones the body) must read it again, so
 * it gets a fresh request on the same socket that replays the bytes.
 */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  Object.assign(copy, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    // Set by the HTTP parser on a real request; without it, the copy's end counts as an abort and destroys the socket.
    complete: true,
  });
  copy.push(body);
  copy.push(null);
  return copy;
}

export function createFrontDoor(options: { api: Handler; web: Handler; trustedProxies: TrustedProxies; forceHttps?: boolean }) {
  const { api, web, trustedProxies } = options;
  const forceHttps = options.forceHttps ?? process.env.AUTH_URL?.startsWith("https://") === true;

  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = req.url ?? "";
    // Absolute-form (`GET http://evil.example/…`) and asterisk-form targets are for proxies, not for us.
    if (!target.startsWith("/")) return plainError(res, 400, "Bad Request: request target must be a path");
    if (!isValidHost(req.headers.host) || hostCount(req.rawHeaders) !== 1) return plainError(res, 400, "Bad Request: invalid Host header");

    const peerTrusted = trustedProxies.count > 0 && ipAllowed(parseClientIp(req.socket.remoteAddress), trustedProxies.ranges, trustedProxies.count);
    // Only what is there: deleting absent properties still turns the headers object into a slow dictionary.
    if (!peerTrusted) for (const name of FORWARDED) if (req.headers[name] !== undefined) delete req.headers[name];
    const https = forceHttps || (req.socket as { encrypted?: boolean }).encrypted === true || (peerTrusted && req.headers["x-forwarded-proto"] === "https");
    if (https) res.setHeader("strict-transport-security", HSTS);

    if (target.startsWith("/api/v1/") || target === OAUTH_METADATA_PATH) {
      void api(req, res);
      return;
    }

    // Next reads the nonce for its scripts from the request's CSP header: only our proxy may set it. Responses the
    // proxy does not handle (assets, error pages) still get a policy that runs nothing and frames nothing.
    delete req.headers["content-security-policy"];
    delete req.headers["content-security-policy-report-only"];
    res.setHeader("content-security-policy", FALLBACK_CSP);
    req.headers[CLIENT_IP_HEADER] = formatIp(resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies)) ?? "";
    const method = req.method ?? "";
    if (method === "GET" || method === "HEAD") {
      void web(req, res);
      return;
    }
    if (method !== "POST") {
      res.setHeader("allow", "GET, HEAD, POST");
      return plainError(res, 405, "Method Not Allowed");
    }
    if (isCrossSiteRequest(method, req.headers)) return plainError(res, 403, "Forbidden: cross-site request");
    void guardPost(req, res, web);
  };
}

async function guardPost(req: IncomingMessage, res: ServerResponse, web: Handler): Promise<void> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > BODY_LIMIT) return plainError(res, 413, "Payload Too Large", { connection: "close" });
  const early = checkActionBody(req.headers, null);
  if (early) return plainError(res, early.status, early.message);
  const body = await readLimited(req, BODY_LIMIT);
  if (body === "too-large") return plainError(res, 413, "Payload Too Large", { connection: "close" });
  if (body === "error") return void res.destroy();
  const problem = checkActionBody(req.headers, body);
  if (problem) return plainError(res, problem.status, problem.message);
  void web(replay(req, body), res);
}
