/** What client code may know about keys: DTOs without hashes or secrets. Nothing server-only is imported here. */
export type ApiKeyStatus = "active" | "disabled" | "expired";

/** What the dashboard may see of a key: never the hash, never the secret. */
export type ApiKeyDto = {
  id: string;
  name: string;
  description: string;
  keyId: string;
  maskedSecret: string;
  scopes: string[];
  permissions: string[];
  allowedIps: string[];
  enabled: boolean;
  status: ApiKeyStatus;
  expiresAt: Date | null;
  defaultMailing: { id: string; name: string } | null;
  createdAt: Date;
  createdByEmail: string | null;
  updatedAt: Date;
  rotatedAt: Date | null;
  previousSecretExpiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  /** Verified requests per UTC day, oldest first, the last entry being today. */
  usage30d: number[];
};

export type MailingDto = { id: string; name: string };

/** Returned once, to the creator only: the caller shows it and forgets it. */
export type IssuedKey = { key: ApiKeyDto; plaintextKey: string };

export type ApiKeyQuota = { used: number; max: number };

/** The keys page's search, filters and sort, read from the URL (linkable); parsed by keyListQuerySchema. */
export const KEY_SORTS = { created: "Newest first", name: "Name", lastUsed: "Last used" } as const;
export type KeySort = keyof typeof KEY_SORTS;
export type KeyStatusFilter = ApiKeyStatus | "all";
export type KeyListQuery = { q: string; status: KeyStatusFilter; scope: string; sort: KeySort };
export const ALL_KEYS: KeyListQuery = { q: "", status: "all", scope: "all", sort: "created" };

/** Keys whose secret is older than the account's rotation age (counted over all active keys, not the filtered list). */
export type RotationReminder = { days: number; dueCount: number };
