/** The sign-in form's schema (shared by the form and the action), and the rule for where to go after it. */
import { z } from "zod";

export const loginSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254, "Enter a valid email address"),
    password: z.string().min(1, "Enter your password").max(200, "The password is too long"),
    /** Where the visitor was going when asked to sign in (a path on this site). */
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

export type LoginValues = z.input<typeof loginSchema>;

export const emptySchema = z.object({}).strict();

/**
 * Only a path on this site: one leading slash, no scheme, no `//host`, no backslash tricks. Auth.js's proxy
 * hands over a full URL, so its path and query are kept when it names this site's path.
 */
export function safeCallbackPath(value: string | undefined | null): string | null {
  if (!value) return null;
  let path = value;
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      path = `${url.pathname}${url.search}`;
    } catch {
      return null;
    }
  }
  // Printable ASCII only (anything else must be percent-encoded): no control characters, no spaces, nothing
  // that cannot go into a Location header.
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\") || !/^[\x21-\x7e]+$/.test(path)) return null;
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return null;
  return path;
}
