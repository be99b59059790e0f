/** Generating keys and secrets: crypto.randomBytes only, unbiased base62, hash stored, plaintext returned once. */
import crypto from "node:crypto";
import { hashSecret } from "./hash";
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

export { hashSecret, secretMatches } from "./hash";
