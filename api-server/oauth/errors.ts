/** RFC 6749 §5.2 error responses of the token, revocation and introspection endpoints. */
import type { ServerResponse } from "node:http";
import { sendJson } from "../http";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "unsupported_token_type";

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    /** invalid_client after HTTP Basic: 401 with a WWW-Authenticate challenge (§5.2). */
    readonly basic = false,
  ) {
    super(description);
  }
}

export function sendOAuthError(res: ServerResponse, error: OAuthError): void {
  if (error.code === "invalid_client") {
    const headers: Record<string, string> = error.basic ? { "www-authenticate": 'Basic realm="oauth"' } : {};
    return sendJson(res, 401, { error: error.code, error_description: error.description }, headers);
  }
  sendJson(res, 400, { error: error.code, error_description: error.description }, { pragma: "no-cache" });
}
