/**
 * The one HTTP entry point of the process: /api/v1/* goes to the lean API handler; every other request gets the
 * client IP resolved from the socket (X-Forwarded-For only from trusted proxies) in CLIENT_IP_HEADER, overwriting
 * whatever the client sent, and cross-site server actions are refused before Next sees them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, formatIp, resolveClientIp, type TrustedProxies } from "@/core/net/client-ip";
import { isCrossSiteAction } from "@/core/net/same-origin";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function createFrontDoor(options: { api: Handler; web: Handler; trustedProxies: TrustedProxies }) {
  const { api, web, trustedProxies } = options;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url?.startsWith("/api/v1/")) {
      void api(req, res);
      return;
    }
    req.headers[CLIENT_IP_HEADER] = formatIp(resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies)) ?? "";
    if (isCrossSiteAction(req.method, req.headers)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Forbidden: cross-site request");
      return;
    }
    void web(req, res);
  };
}
