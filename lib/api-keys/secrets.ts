import "server-only";
import crypto from "node:crypto";
import { BASE62, KEY_ID_BODY_LENGTH, KEY_PREFIX, MASK_VISIBLE_CHARS, SECRET_RANDOM_LENGTH, checksum } from "./key-format";

/** Unbiased base62 from crypto.randomBytes: bytes ≥ 248 (= 4 × 62) are dropped. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function generateKeyId(): string {
  return KEY_PREFIX + randomBase62(KEY_ID_BODY_LENGTH);
}

export function generateSecret(keyId: string): string {
  const random = randomBase62(SECRET_RANDOM_LENGTH);
  return random + checksum(`${keyId}.${random}`);
}

export type IssuedSecret = { plaintextKey: string; secretHash: string; secretLast5: string };

export function issueSecret(keyId: string): IssuedSecret {
  const secret = generateSecret(keyId);
  return {
    plaintextKey: `${keyId}.${secret}`,
    secretHash: hashSecret(secret),
    secretLast5: secret.slice(-MASK_VISIBLE_CHARS),
  };
}

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

const HASH_HEX = /^[0-9a-f]{64}$/;

export function secretMatches(secret: string, storedHash: string): boolean {
  // Buffer.from(…, "hex") silently stops at the first non-hex character, so check the shape first.
  if (!HASH_HEX.test(storedHash)) return false;
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(hashSecret(secret), "hex");
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
