/**
 * Browser-facing policy shared by the proxy and the front door: which pages need no sign-in, and the
 * Content-Security-Policy (nonce-based scripts, as Next needs; no framing; nothing loaded from elsewhere).
 */
/**
 * Pages the proxy lets through without a session: sign-in, invitations, developer-account requests, the public
 * integrations catalog, and /staff, which answers 404 itself to anyone but staff.
 */
export const PUBLIC_PATHS = ["/login", "/staff", "/invitations", "/developer-accounts", "/integrations"];

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React and Radix set style attributes at run time; no external styles are loaded.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
