import crypto from "node:crypto";

/**
 * Hashing and comparing secrets. Not marked server-only because the verification API (server.ts, outside Next's
 * bundler) needs it too; ESLint forbids importing it from components/ (see eslint.config.mjs).
 */
function pepper(): string {
  const value = process.env.API_KEY_PEPPER ?? "";
  if (value.length < 32) {
    throw new Error("API_KEY_PEPPER must be set to at least 32 random characters (run `npm run setup` to create .env)");
  }
  return value;
}

/** HMAC-SHA-256 with a server-side pepper: a stolen database alone cannot be used to test guesses offline. */
export function hashSecret(secret: string): string {
  return crypto.createHmac("sha256", pepper()).update(secret).digest("hex");
}

export function hashSecretBytes(secret: string): Buffer {
  return crypto.createHmac("sha256", pepper()).update(secret).digest();
}

const HASH_HEX = /^[0-9a-f]{64}$/;

export function secretMatches(secret: string, storedHash: string): boolean {
  // Buffer.from(…, "hex") silently stops at the first non-hex character, so check the shape first.
  if (!HASH_HEX.test(storedHash)) return false;
  const expected = Buffer.from(storedHash, "hex");
  const actual = hashSecretBytes(secret);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
