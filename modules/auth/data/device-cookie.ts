/**
 * OWASP "device cookies": after a successful sign-in the browser gets a signed cookie naming that login. A client
 * presenting a valid one for the email it signs in with is a known device: it has its own failure bucket and is
 * not held back by the per-email bucket, so strangers guessing a user's password cannot lock that user out.
 * Stateless: HMAC-SHA-256 with a key derived from AUTH_SECRET; nothing is stored.
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
const sign = (email: string, nonce: string) => crypto.createHmac("sha256", key()).update(`${email}\n${nonce}`).digest("base64url");

export function deviceCookieValue(email: string, nonce = crypto.randomBytes(16).toString("base64url")): string {
  return `${nonce}.${sign(email, nonce)}`;
}

/** The device's nonce when `value` is a genuine device cookie for `email`, else null. */
export function verifyDeviceCookie(email: string, value: string | undefined | null): string | null {
  if (!value || value.length > 200) return null;
  const [nonce = "", signature = "", extra] = value.split(".");
  if (extra !== undefined || !/^[\w-]{16,64}$/.test(nonce)) return null;
  const expected = Buffer.from(sign(email, nonce));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual) ? nonce : null;
}

/** Reads the email's device cookie from a raw Cookie header (Auth.js hands `authorize` a plain Request). */
export function deviceFromCookieHeader(email: string, header: string | null): string | null {
  const name = deviceCookieName(email);
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return verifyDeviceCookie(email, decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return null;
}

/** After a successful sign-in: keep the device's cookie if valid, else issue one. */
export async function issueDeviceCookie(email: string): Promise<void> {
  const jar = await cookies();
  const name = deviceCookieName(email);
  if (verifyDeviceCookie(email, jar.get(name)?.value)) return;
  jar.set(name, deviceCookieValue(email), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.AUTH_URL?.startsWith("https://") === true,
    path: "/",
    maxAge: ONE_YEAR_S,
  });
}
