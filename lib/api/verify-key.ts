import crypto from "node:crypto";
import type { KeyObject } from "node:crypto";
import { parseApiKey } from "@/lib/api-keys/key-format";
import { hashSecretBytes } from "@/lib/api-keys/secret-hash";
import type ipaddr from "ipaddr.js";
import { ipAllowed } from "./ip-match";
import type { KeyCache, KeyRecord } from "./key-cache";

export const VERIFY_CODES = ["VALID", "NOT_FOUND", "DISABLED", "EXPIRED", "IP_NOT_ALLOWED", "INSUFFICIENT_SCOPE", "RATE_LIMITED"] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

export type VerifyResult =
  | { code: "VALID"; record: KeyRecord; usedPreviousSecret: boolean }
  | { code: "NOT_FOUND"; record?: undefined }
  | { code: "DISABLED" | "EXPIRED" | "IP_NOT_ALLOWED"; record: KeyRecord }
  | { code: "INSUFFICIENT_SCOPE"; record: KeyRecord; missingScopes: string[] };

const ZERO = Buffer.alloc(32);

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Format and checksum first (no I/O, no hash for junk); then exactly one HMAC per well-formed key, whether or
 * not the key id exists. Only a caller who proves possession of the secret learns anything beyond NOT_FOUND.
 */
export async function verifyKey(
  cache: KeyCache,
  presented: string,
  options: { ip: ipaddr.IPv4 | ipaddr.IPv6 | null; requiredScopes?: readonly string[]; nowMs: number; pepper?: KeyObject },
): Promise<VerifyResult> {
  const parsed = parseApiKey(presented);
  if (!parsed) return { code: "NOT_FOUND" };
  const record = cache.peek(parsed.keyId) ?? (await cache.get(parsed.keyId, options.nowMs));
  const digest = hashSecretBytes(parsed.secret, options.pepper);
  if (!record) {
    equal(digest, ZERO); // same comparison work as for a known id
    return { code: "NOT_FOUND" };
  }
  let usedPreviousSecret = false;
  if (!equal(digest, record.secretHash)) {
    const previousValid =
      record.previousSecretHash !== null &&
      record.previousSecretExpiresAt !== null &&
      record.previousSecretExpiresAt > options.nowMs;
    if (!previousValid || !equal(digest, record.previousSecretHash!)) return { code: "NOT_FOUND" };
    usedPreviousSecret = true;
  }
  if (!record.enabled) return { code: "DISABLED", record };
  if (record.expiresAt !== null && record.expiresAt <= options.nowMs) return { code: "EXPIRED", record };
  if (!ipAllowed(options.ip, record.ranges, record.allowedIpCount)) return { code: "IP_NOT_ALLOWED", record };
  const missingScopes = (options.requiredScopes ?? []).filter((s) => !record.scopes.includes(s));
  if (missingScopes.length > 0) return { code: "INSUFFICIENT_SCOPE", record, missingScopes };
  return { code: "VALID", record, usedPreviousSecret };
}
