/** GET /.well-known/oauth-authorization-server (RFC 8414): where the endpoints are and what they support. */
import type { IncomingMessage } from "node:http";
import { GRANT_TYPES, OAUTH_SCOPES } from "@/core/oauth/grants";
import type { RouteHandler } from "../context";
import { sendJson } from "../http";

/** The issuer: AUTH_URL when set (behind a proxy), else the address the request came to. */
export function issuerOf(req: IncomingMessage): string {
  const configured = process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  return `http://${req.headers.host ?? "127.0.0.1"}`;
}

export const oauthMetadata: RouteHandler = (req, res) => {
  const issuer = issuerOf(req);
  const auth = ["client_secret_basic", "client_secret_post"];
  sendJson(res, 200, {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/api/v1/oauth/token`,
    revocation_endpoint: `${issuer}/api/v1/oauth/revoke`,
    introspection_endpoint: `${issuer}/api/v1/oauth/introspect`,
    scopes_supported: OAUTH_SCOPES,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: GRANT_TYPES,
    token_endpoint_auth_methods_supported: auth,
    revocation_endpoint_auth_methods_supported: auth,
    introspection_endpoint_auth_methods_supported: auth,
    code_challenge_methods_supported: ["S256"],
    service_documentation: `${issuer}/settings/developers/api-reference`,
  }, { "cache-control": "public, max-age=300" });
};
