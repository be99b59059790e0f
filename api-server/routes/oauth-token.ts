/** POST /api/v1/oauth/token (RFC 6749 §3.2): authorization_code + PKCE, refresh_token, password, client_credentials. */
import { authorizationCodeGrant, refreshTokenGrant } from "../oauth/grants";
import { clientCredentialsGrant, passwordGrant } from "../oauth/direct-grants";
import { oauthEndpoint } from "../oauth/endpoint";
import { OAuthError } from "../oauth/errors";

const GRANTS = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  password: passwordGrant,
  client_credentials: clientCredentialsGrant,
} as const;

export const oauthToken = oauthEndpoint(async (form, client, deps, state) => {
  const grant = GRANTS[form.grant_type as keyof typeof GRANTS];
  if (!form.grant_type) throw new OAuthError("invalid_request", "grant_type is required.");
  if (!Object.hasOwn(GRANTS, form.grant_type) || !grant) throw new OAuthError("unsupported_grant_type", "Unsupported grant_type.");
  return grant(deps.oauth.prisma, client, form, state.ipText, state.nowMs);
});
