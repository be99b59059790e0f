/** The OAuth 2 part of the OpenAPI document: the oauth2 security scheme and the token, revocation and introspection endpoints. */
import { OAUTH_SCOPES } from "@/core/oauth/grants";

const SCOPE_TEXT: Record<(typeof OAUTH_SCOPES)[number], string> = {
  subscribers: "Subscribers", articles: "Articles", campaigns: "Campaigns", statistics: "Statistics", smtp: "SMTP relay", "keys:verify": "Verify API keys",
};

export const oauthSecurityScheme = {
  type: "oauth2",
  description: "OAuth 2 access tokens of a registered app (Developer's corner › Apps), sent as `Authorization: Bearer …`. Metadata: /.well-known/oauth-authorization-server (RFC 8414).",
  flows: {
    authorizationCode: { authorizationUrl: "/oauth/authorize", tokenUrl: "/api/v1/oauth/token", refreshUrl: "/api/v1/oauth/token", scopes: SCOPE_TEXT },
    clientCredentials: { tokenUrl: "/api/v1/oauth/token", scopes: SCOPE_TEXT },
  },
};

const form = (properties: Record<string, unknown>, required: string[], example: Record<string, string>) => ({
  required: true,
  content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties, required }, example } },
});
const str = (description: string) => ({ type: "string", description });
const oauthError = (description: string, error: string) => ({
  description,
  content: {
    "application/json": {
      schema: { type: "object", properties: { error: { type: "string" }, error_description: { type: "string" } }, required: ["error"] },
      example: { error, error_description: "The authorization code is invalid, expired or already used." },
    },
  },
});
const clientAuth = [{ clientBasic: [] }, {}];

export const oauthSchemes = { oauth2: oauthSecurityScheme, clientBasic: { type: "http", scheme: "basic", description: "client_secret_basic: the Client ID and Client Secret (or send client_id and client_secret in the body)." } };

export const oauthPaths = {
  "/api/v1/oauth/token": {
    post: {
      operationId: "oauthToken",
      tags: ["OAuth"],
      summary: "Exchange a grant for an access token",
      description: "RFC 6749 token endpoint. Grants: authorization_code (PKCE S256), refresh_token (rotated on every use; reusing a spent one revokes its family), client_credentials (your own account), password (off unless switched on for the app; not recommended, RFC 9700). Access tokens last 3600 s.",
      security: clientAuth,
      requestBody: form(
        {
          grant_type: { type: "string", enum: ["authorization_code", "refresh_token", "client_credentials", "password"] },
          code: str("authorization_code: the code from the redirect"), redirect_uri: str("authorization_code: exactly as sent to /oauth/authorize"),
          code_verifier: str("authorization_code: the PKCE verifier"), refresh_token: str("refresh_token: the current refresh token"),
          scope: str("Space-separated scopes"), username: str("password: the user's email"), password: str("password: the user's password"),
          client_id: str("client_secret_post"), client_secret: str("client_secret_post"),
        },
        ["grant_type"],
        { grant_type: "authorization_code", code: "dcac_…", redirect_uri: "https://app.example.com/callback", code_verifier: "…" },
      ),
      responses: {
        "200": {
          description: "Tokens",
          content: { "application/json": { schema: { type: "object", properties: { access_token: { type: "string" }, token_type: { type: "string" }, expires_in: { type: "integer" }, scope: { type: "string" }, refresh_token: { type: "string" } }, required: ["access_token", "token_type", "expires_in"] }, example: { access_token: "dcat_…", token_type: "Bearer", expires_in: 3600, scope: "subscribers campaigns", refresh_token: "dcrt_…" } } },
        },
        "400": oauthError("invalid_request, invalid_grant, unauthorized_client, unsupported_grant_type or invalid_scope", "invalid_grant"),
        "401": oauthError("invalid_client: client authentication failed", "invalid_client"),
      },
    },
  },
  "/api/v1/oauth/revoke": {
    post: {
      operationId: "oauthRevoke",
      tags: ["OAuth"],
      summary: "Revoke a token (RFC 7009)",
      description: "Revokes one of the app's access tokens, or a refresh token with its whole family. Unknown tokens get the same 200.",
      security: clientAuth,
      requestBody: form({ token: str("The token"), token_type_hint: str("access_token or refresh_token (optional)") }, ["token"], { token: "dcrt_…" }),
      responses: { "200": { description: "Revoked (or never valid)" }, "400": oauthError("Malformed request", "invalid_request"), "401": oauthError("Client authentication failed", "invalid_client") },
    },
  },
  "/api/v1/oauth/introspect": {
    post: {
      operationId: "oauthIntrospect",
      tags: ["OAuth"],
      summary: "Introspect a token (RFC 7662)",
      description: "For tokens issued to any app of the caller's own account; anything else is inactive.",
      security: clientAuth,
      requestBody: form({ token: str("The token") }, ["token"], { token: "dcat_…" }),
      responses: {
        "200": { description: "Token state", content: { "application/json": { schema: { type: "object", properties: { active: { type: "boolean" }, scope: { type: "string" }, client_id: { type: "string" }, token_type: { type: "string" }, exp: { type: "integer" }, iat: { type: "integer" }, sub: { type: "string" }, account: { type: "string" } }, required: ["active"] }, example: { active: true, scope: "subscribers", client_id: "dca_…", token_type: "Bearer", exp: 1795000000, account: "m1001" } } } },
        "400": oauthError("Malformed request", "invalid_request"),
        "401": oauthError("Client authentication failed", "invalid_client"),
      },
    },
  },
};
