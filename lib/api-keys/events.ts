import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A key changed: tell every verification cache. Inside the transaction, NOTIFY reaches other instances (and
 * this one) when it commits; after the commit the local cache is refreshed directly so the instance that made
 * the change never answers from stale data.
 */
export const KEY_CHANGED_CHANNEL = "dc_api_key_changed";

declare global {
  var __dcKeyCache: { refresh(keyId: string): Promise<void> } | undefined;
}

export async function announceKeyChange(tx: Prisma.TransactionClient, keyId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${KEY_CHANGED_CHANNEL}, ${keyId})`;
}

export async function refreshLocalKeyCache(keyId: string): Promise<void> {
  await globalThis.__dcKeyCache?.refresh(keyId);
}
