/**
 * OWASP "device cookies": after a successful sign-in the browser gets a signed cookie naming that login. A client
 * presenting a valid one for the email it signs in with is a known device: it has its own failure bucket and is
 * not held back by the per-email bucket, so strangers guessing a user's password cannot lock that user out.
 * Stateless: HMAC-SHA-256 with a key derived from AUTH_SECRET over the email, a nonce and the user's device epoch,
 * which "sign out everywhere" and a password change bump — so those also end every device's standing.
 */
import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET ?? "";
  return Buffer.from(crypto.hkdfSync("sha256", secret, "developers-corner", "device-cookie", 32));
}

const emailTag = (email: string) => crypto.createHash("sha256").update(email).digest("base64url").slice(0, 16);
export const deviceCookieName = (email: string) => `dc_device_${emailTag(email)}`;
const sign = (email: string, nonce: string, epoch: number) =>
  crypto.createHmac("sha256", key()).update(`${email}\n${nonce}\n${epoch}`).digest("base64url");

export function deviceCookieValue(email: string, epoch = 0, nonce = crypto.randomBytes(16).toString("base64url")): string {
  return `${nonce}.${sign(email, nonce, epoch)}`;
}

/** The device's nonce when `value` is a genuine, current device cookie for `email`, else null. */
export function verifyDeviceCookie(email: string, value: string | undefined | null, epoch = 0): string | null {
  if (!value || value.length > 200) return null;
  const [nonce = "", signature = "", extra] = value.split(".");
  if (extra !== undefined || !/^[\w-]{16,64}$/.test(nonce)) return null;
  const expected = Buffer.from(sign(email, nonce, epoch));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual) ? nonce : null;
}

/** Reads the email's device cookie from a raw Cookie header (Auth.js hands `authorize` a plain Request). */
export function deviceFromCookieHeader(email: string, header: string | null, epoch = 0): string | null {
  const name = deviceCookieName(email);
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return verifyDeviceCookie(email, decodeURIComponent(part.slice(eq + 1).trim()), epoch);
    } catch {
      return null; // a malformed cookie is no cookie, never an error that could fail the sign-in
    }
  }
  return null;
}

/** The device nonce presented with this request (server actions), or null. */
export async function currentDevice(email: string, epoch: number): Promise<string | null> {
  return verifyDeviceCookie(email, (await cookies()).get(deviceCookieName(email))?.value, epoch);
}

/** After a successful sign-in (or a password change): keep the device's cookie if still valid, else issue one. */
export async function issueDeviceCookie(email: string, epoch: number): Promise<void> {
  const jar = await cookies();
  const name = deviceCookieName(email);
  if (verifyDeviceCookie(email, jar.get(name)?.value, epoch)) return;
  jar.set(name, deviceCookieValue(email, epoch), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.AUTH_URL?.startsWith("https://") === true,
    path: "/",
    maxAge: ONE_YEAR_S,
  });
}
