/**
 * Hashing and comparing secrets: HMAC-SHA-256 with a server-side pepper (API_KEY_PEPPER), so a stolen database
 * alone cannot be used to test guesses offline; comparison in constant time. The one place the pepper is checked.
 */
import crypto from "node:crypto";

export const MIN_SECRET_LENGTH = 32;

/** Why a pepper value is unusable, or null when it is fine. Used at start-up and when the key is built. */
export function pepperProblem(value: string | undefined): string | null {
  return (value ?? "").length < MIN_SECRET_LENGTH ? `API_KEY_PEPPER must be at least ${MIN_SECRET_LENGTH} characters` : null;
}

let cached: { source: string; key: crypto.KeyObject } | null = null;

/** The pepper as a KeyObject, rebuilt only when the variable changes. */
export function pepperKey(): crypto.KeyObject {
  const value = process.env.API_KEY_PEPPER ?? "";
  if (cached?.source === value) return cached.key;
  const problem = pepperProblem(value);
  if (problem) throw new Error(`${problem} (run \`npm run setup\` to create .env)`);
  cached = { source: value, key: crypto.createSecretKey(Buffer.from(value, "utf8")) };
  return cached.key;
}

export function hashSecret(secret: string): string {
  return hashSecretBytes(secret).toString("hex");
}

/** Hot path: the caller resolves the pepper once (reading process.env on every request is not free). */
export function hashSecretBytes(secret: string, key: crypto.KeyObject = pepperKey()): Buffer {
  return crypto.createHmac("sha256", key).update(secret).digest();
}

export function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const HASH_HEX = /^[0-9a-f]{64}$/;

export function secretMatches(secret: string, storedHash: string): boolean {
  // Buffer.from(…, "hex") silently stops at the first non-hex character, so check the shape first.
  if (!HASH_HEX.test(storedHash)) return false;
  return equalBytes(Buffer.from(storedHash, "hex"), hashSecretBytes(secret));
}
