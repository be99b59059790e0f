/**
 * One instance of the verification API over an open database: warm key cache, change follower (LISTEN/NOTIFY),
 * limits, usage batching, and the node:http handler. server.ts starts one; tests start several.
 */
import type { Database } from "@/core/db/client";
import { parseTrustedProxies, type TrustedProxies } from "@/core/net/client-ip";
import { pepperKey } from "@/core/secrets/hash";
import { createApiHandler } from "./router";
import { KeyCache } from "./verify/key-cache";
import { TokenCache } from "./oauth/token-cache";
import type { ChangeSink } from "@/core/events";
import { followKeyChanges } from "./verify/change-follower";
import { UsageRecorder } from "./verify/usage";
import { createLimits, limitOptionsFromEnv, type LimitOptions } from "./limits";

export type ApiInstance = {
  handler: ReturnType<typeof createApiHandler>;
  cache: KeyCache;
  tokens: TokenCache;
  /** Where this process's committed changes go (core/registry.ts setChangeSink): keys and OAuth tokens. */
  sink: ChangeSink;
  usage: UsageRecorder;
  trustedProxies: TrustedProxies;
  stop: () => Promise<void>;
};

export type ApiOptions = { limits?: Partial<LimitOptions>; trustedProxies?: string; usageFlushMs?: number; accessLog?: boolean };

export async function startApi(db: Database, options: ApiOptions = {}): Promise<ApiInstance> {
  const cache = new KeyCache(db.sql);
  await cache.loadAll();
  const tokens = new TokenCache(db.sql, options.usageFlushMs);
  const unfollow = await followKeyChanges(db, cache, tokens);
  const limits = createLimits({ ...limitOptionsFromEnv(), ...options.limits });
  const usage = new UsageRecorder(db.sql, options.usageFlushMs, db.pglite ? 60_000 : 0).start();
  const trustedProxies = parseTrustedProxies(options.trustedProxies);
  const handler = createApiHandler({
    pepper: pepperKey(),
    cache,
    limits,
    usage,
    trustedProxies,
    oauth: { prisma: db.prisma, tokens },
    accessLog: options.accessLog ?? process.env.API_ACCESS_LOG === "1",
  });
  const sink: ChangeSink = {
    refresh: (keyId) => cache.refresh(keyId),
    refreshAccount: async (accountId) => {
      tokens.invalidateAccount(accountId);
      await cache.refreshAccount(accountId);
    },
    refreshOAuth: async (change) => tokens.invalidate(change),
  };
  return {
    handler,
    cache,
    tokens,
    sink,
    usage,
    trustedProxies,
    stop: async () => {
      await unfollow();
      await tokens.flush().catch((e: Error) => console.error(`[oauth] final flush failed: ${e.message}`));
      await usage.stop().catch((e: Error) => console.error(`[usage] final flush failed: ${e.message}`));
      await limits.close();
    },
  };
}
