/** What apps may ask for: grant types and scopes (the API keys' scopes), shared by the dashboard and the server. */
export const GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials", "password"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const GRANT_LABELS: Record<GrantType, string> = {
  authorization_code: "Authorization code with PKCE",
  refresh_token: "Refresh token",
  client_credentials: "Client credentials (your own account only)",
  password: "Password (not recommended, RFC 9700)",
};

export const OAUTH_SCOPES = ["subscribers", "articles", "campaigns", "statistics", "smtp", "keys:verify"] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

/** Scopes granted when the request names none. */
export const DEFAULT_SCOPES: readonly OAuthScope[] = ["subscribers", "articles", "campaigns", "statistics"];

/** Parses a `scope` parameter: known scopes only, deduplicated, in catalog order; null when any is unknown. */
export function parseScopes(value: string | undefined | null): OAuthScope[] | null {
  if (value === undefined || value === null || value.trim() === "") return [...DEFAULT_SCOPES];
  const asked = new Set(value.trim().split(/ +/));
  for (const s of asked) if (!(OAUTH_SCOPES as readonly string[]).includes(s)) return null;
  return OAUTH_SCOPES.filter((s) => asked.has(s));
}

/**
 * A registered redirect URI: absolute https, or http on localhost / 127.0.0.1 / [::1] (RFC 8252 §7.3); no
 * fragment, no wildcard. Returns an error message or null.
 */
export function redirectUriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URL";
  }
  if (value.includes("*")) return "must not contain wildcards";
  if (url.hash || value.includes("#")) return "must not contain a fragment";
  if (url.username || url.password) return "must not contain credentials";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) return null;
  return "must use https (http only for localhost)";
}
