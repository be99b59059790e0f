import crypto from "node:crypto";

/**
 * Hashing and comparing secrets. Not marked server-only because the verification API (server.ts, outside Next's
 * bundler) needs it too; ESLint forbids importing it from components/ (see eslint.config.mjs).
 */
let cached: { source: string; key: crypto.KeyObject } | null = null;

/** The pepper as a KeyObject, rebuilt only when the variable changes. */
export function pepperKey(): crypto.KeyObject {
  const value = process.env.API_KEY_PEPPER ?? "";
  if (cached?.source === value) return cached.key;
  if (value.length < 32) {
    throw new Error("API_KEY_PEPPER must be set to at least 32 random characters (run `npm run setup` to create .env)");
  }
  cached = { source: value, key: crypto.createSecretKey(Buffer.from(value, "utf8")) };
  return cached.key;
}

/** HMAC-SHA-256 with a server-side pepper: a stolen database alone cannot be used to test guesses offline. */
export function hashSecret(secret: string): string {
  return hashSecretBytes(secret).toString("hex");
}

/** Hot path: the caller resolves the pepper once (reading process.env on every request is not free). */
export function hashSecretBytes(secret: string, key: crypto.KeyObject = pepperKey()): Buffer {
  return crypto.createHmac("sha256", key).update(secret).digest();
}

const HASH_HEX = /^[0-9a-f]{64}$/;

export function secretMatches(secret: string, storedHash: string): boolean {
  // Buffer.from(…, "hex") silently stops at the first non-hex character, so check the shape first.
  if (!HASH_HEX.test(storedHash)) return false;
  const expected = Buffer.from(storedHash, "hex");
  const actual = hashSecretBytes(secret);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
