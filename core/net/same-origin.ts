/**
 * Every POST to the web app is a server action — by fetch (`Next-Action` header) or by a multipart form with
 * `$ACTION_…` fields — so every request that is not GET/HEAD must come from our own origin. Next itself rejects a
 * foreign Origin only for fetch actions and lets a missing one through; we also refuse a missing or `null`
 * Origin: every browser that can run our forms sends one on a POST.
 */
export function isCrossSiteRequest(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (method === "GET" || method === "HEAD") return false;
  const origin = headers.origin;
  const host = headers.host;
  if (typeof origin !== "string" || typeof host !== "string" || origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
