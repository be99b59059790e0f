/**
 * Change events: how a committed change reaches every verification cache. Mutations NOTIFY inside their
 * transaction (other instances LISTEN, see api-server/verify/change-follower.ts) and, after the commit, hand the
 * same event to this process's sink (core/registry.ts) so the instance that made the change never answers stale.
 * Channels: one key changed (payload: key id); one account changed (payload: account id) — suspended, resumed,
 * renamed or deleted, which concerns every key of it and of its subaccounts; one API user changed (its user name).
 */
import type { Prisma } from "@/core/generated/prisma/client";
import { getChangeSink } from "./registry";

export const KEY_CHANGED_CHANNEL = "dc_api_key_changed";
export const ACCOUNT_CHANGED_CHANNEL = "dc_account_changed";
export const API_USER_CHANGED_CHANNEL = "dc_api_user_changed";
/** OAuth tokens revoked; payload `<kind>:<id>` with kind a (authorization), c (client), f (refresh family), t (token), k (code). */
export const OAUTH_CHANGED_CHANNEL = "dc_oauth_changed";

/** Receives committed changes in this process: the verification API's caches. */
export type ChangeSink = {
  refresh(keyId: string): Promise<void>;
  refreshAccount(accountId: string): Promise<void>;
  refreshApiUser?(username: string): Promise<void>;
  refreshOAuth?(change: string): Promise<void>;
};

export async function announceKeyChange(tx: Prisma.TransactionClient, keyId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${KEY_CHANGED_CHANNEL}, ${keyId})`;
}

export async function announceAccountChange(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ACCOUNT_CHANGED_CHANNEL}, ${accountId})`;
}

/**
 * After the commit. The change is done whatever happens here: a failed re-read is logged, and the cache fails
 * closed on its own (the keys are refused until read again), so the action still reports success.
 */
export async function announceApiUserChange(tx: Prisma.TransactionClient, username: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${API_USER_CHANGED_CHANNEL}, ${username})`;
}

export async function refreshLocalKeyCache(keyId: string): Promise<void> {
  await getChangeSink()?.refresh(keyId).catch((e: Error) => console.error(`[events] local refresh failed: ${e.message}`));
}

export async function refreshLocalAccount(accountId: string): Promise<void> {
  await getChangeSink()?.refreshAccount(accountId).catch((e: Error) => console.error(`[events] local refresh failed: ${e.message}`));
}

export async function refreshLocalApiUser(username: string): Promise<void> {
  await getChangeSink()?.refreshApiUser?.(username).catch((e: Error) => console.error(`[events] local refresh failed: ${e.message}`));
}

export async function announceOAuthChange(tx: Prisma.TransactionClient, change: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${OAUTH_CHANGED_CHANNEL}, ${change})`;
}

export async function refreshLocalOAuth(change: string): Promise<void> {
  await getChangeSink()?.refreshOAuth?.(change).catch((e: Error) => console.error(`[events] local refresh failed: ${e.message}`));
}
