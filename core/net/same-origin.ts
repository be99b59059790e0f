/**
 * Server actions are POSTs with a `Next-Action` header. Next itself rejects a foreign Origin but lets a request
 * with no Origin through; we also refuse a missing or `null` Origin: every browser that can run our forms
 * sends one on a POST.
 */
export function isCrossSiteAction(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (method !== "POST" || headers["next-action"] === undefined) return false;
  const origin = headers.origin;
  const host = headers.host;
  if (typeof origin !== "string" || typeof host !== "string" || origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
