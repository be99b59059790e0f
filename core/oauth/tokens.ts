/**
 * OAuth credentials: formats, generation and hashing. Client ids are public (`dca_…`); client secrets, codes,
 * access and refresh tokens are ≥ 238-bit random strings stored only as HMAC-SHA-256 with the server pepper
 * (core/secrets/hash.ts), so a stolen database holds nothing usable. Prefixes let secret scanners tell them apart.
 */
import { randomBase62 } from "@/core/secrets/generate";
import { hashSecret } from "@/core/secrets/hash";
import { MASK_VISIBLE_CHARS } from "@/core/secrets/key-format";

export const CLIENT_ID_PREFIX = "dca_";
export const CLIENT_SECRET_PREFIX = "dcs_";
export const ACCESS_TOKEN_PREFIX = "dcat_";
export const REFRESH_TOKEN_PREFIX = "dcrt_";
export const CODE_PREFIX = "dcac_";

const RANDOM_LENGTH = 40;

/** One hour, as MailUp's tokens. */
export const ACCESS_TOKEN_TTL_S = 3600;
export const REFRESH_TOKEN_TTL_S = 30 * 24 * 3600;
export const CODE_TTL_S = 60;

export const CLIENT_ID_REGEX = /^dca_[0-9A-Za-z]{20}$/;
export const ACCESS_TOKEN_REGEX = /^dcat_[0-9A-Za-z]{40}$/;

export function generateClientId(): string {
  return CLIENT_ID_PREFIX + randomBase62(20);
}

export type IssuedOAuthSecret = { plaintext: string; hash: string; last5: string };

function issue(prefix: string): IssuedOAuthSecret {
  const plaintext = prefix + randomBase62(RANDOM_LENGTH);
  return { plaintext, hash: hashSecret(plaintext), last5: plaintext.slice(-MASK_VISIBLE_CHARS) };
}

export const issueClientSecret = () => issue(CLIENT_SECRET_PREFIX);
export const issueAccessToken = () => issue(ACCESS_TOKEN_PREFIX);
export const issueRefreshToken = () => issue(REFRESH_TOKEN_PREFIX);
export const issueCode = () => issue(CODE_PREFIX);

export { hashSecret as hashOAuthSecret };
