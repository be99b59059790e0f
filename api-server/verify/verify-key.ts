/**
 * Format and checksum first (no I/O, no hash for junk); then exactly one HMAC per well-formed key, whether or
 * not the key id exists. Only a caller who proves possession of the secret learns anything beyond NOT_FOUND.
 */
import type { KeyObject } from "node:crypto";
import { parseApiKey } from "@/core/secrets/key-format";
import { equalBytes as equal, hashSecretBytes } from "@/core/secrets/hash";
import { ipAllowed, type IpAddress } from "@/core/net/ip";
import type { VerifyCode } from "@/core/api-contract/schemas";
import type { KeyCache, KeyRecord } from "./key-cache";

export type { VerifyCode };

export type VerifyResult =
  | { code: "VALID"; record: KeyRecord; usedPreviousSecret: boolean }
  | { code: "NOT_FOUND"; record?: undefined }
  | { code: "DISABLED" | "EXPIRED" | "ACCOUNT_SUSPENDED" | "IP_NOT_ALLOWED"; record: KeyRecord }
  | { code: "INSUFFICIENT_SCOPE"; record: KeyRecord; missingScopes: string[] };

const ZERO = Buffer.alloc(32);
const NONE: string[] = [];

/** Synchronous: no promise on the hot path (each one costs more once Next's AsyncLocalStorage hooks them). */
export function verifyKey(
  cache: KeyCache,
  presented: string,
  options: { ip: IpAddress | null; requiredScopes?: readonly string[]; nowMs: number; pepper?: KeyObject },
): VerifyResult {
  const parsed = parseApiKey(presented);
  if (!parsed) return { code: "NOT_FOUND" };
  const known = cache.peek(parsed.keyId);
  // Never wait for the database: an id we have not heard of is looked up in the background and answered as
  // not found now, in the same time as a wrong secret.
  if (known === undefined) cache.lookupInBackground(parsed.keyId);
  const record = known ?? null;
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
  if (record.account.status === "suspended") return { code: "ACCOUNT_SUSPENDED", record };
  if (!record.enabled) return { code: "DISABLED", record };
  if (record.expiresAt !== null && record.expiresAt <= options.nowMs) return { code: "EXPIRED", record };
  if (!ipAllowed(options.ip, record.ranges, record.allowedIpCount)) return { code: "IP_NOT_ALLOWED", record };
  const required = options.requiredScopes;
  const missingScopes = required && required.length > 0 ? required.filter((s) => !record.scopes.includes(s)) : NONE;
  if (missingScopes.length > 0) return { code: "INSUFFICIENT_SCOPE", record, missingScopes };
  return { code: "VALID", record, usedPreviousSecret };
}
