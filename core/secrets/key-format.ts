/**
 * Key format: `dc_<16 base62>.<33 base62 random><6 base62 CRC32>`.
 * - The key id (`dc_…`) is public: shown in the dashboard and used to look the key up.
 * - The secret carries 33 base62 characters from crypto.randomBytes (≈196 bits) followed by a CRC32 of
 *   everything before it, so scanners can tell a real key from a lookalike without asking us (GitHub style).
 */
import { crc32 } from "node:zlib";

export const KEY_PREFIX = "dc_";
export const KEY_ID_BODY_LENGTH = 16;
export const SECRET_RANDOM_LENGTH = 33;
export const CHECKSUM_LENGTH = 6;
export const SECRET_LENGTH = SECRET_RANDOM_LENGTH + CHECKSUM_LENGTH;
export const MASK_VISIBLE_CHARS = 5;

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** For secret scanners: matches a whole key. */
export const API_KEY_REGEX = /\bdc_[0-9A-Za-z]{16}\.[0-9A-Za-z]{39}\b/;
const KEY_ID_REGEX = /^dc_[0-9A-Za-z]{16}$/;
const FULL_KEY_REGEX = /^(dc_[0-9A-Za-z]{16})\.([0-9A-Za-z]{39})$/;

export function toBase62Fixed(value: number, length: number): string {
  let out = "";
  let n = value;
  for (let i = 0; i < length; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function checksum(payload: string): string {
  return toBase62Fixed(crc32(payload) >>> 0, CHECKSUM_LENGTH);
}

export function isKeyId(value: string): boolean {
  return KEY_ID_REGEX.test(value);
}

export type ParsedKey = { keyId: string; secret: string };

/** Format and checksum only: no I/O. Returns null for anything that cannot be one of our keys. */
export function parseApiKey(value: string): ParsedKey | null {
  if (typeof value !== "string" || value.length !== KEY_PREFIX.length + KEY_ID_BODY_LENGTH + 1 + SECRET_LENGTH) {
    return null;
  }
  const match = FULL_KEY_REGEX.exec(value);
  if (!match) return null;
  const [, keyId, secret] = match as unknown as [string, string, string];
  const random = secret.slice(0, SECRET_RANDOM_LENGTH);
  if (checksum(`${keyId}.${random}`) !== secret.slice(SECRET_RANDOM_LENGTH)) return null;
  return { keyId, secret };
}

export function maskSecret(last5: string): string {
  return `•••••${last5}`;
}
