/**
 * One instance of the verification API over an open database: warm key cache, API-user cache, change follower
 * (LISTEN/NOTIFY), limits, usage batching, and the node:http handler. server.ts starts one; tests start several.
 * `sink` is where this process's own committed changes go (core/registry.ts setChangeSink).
 */
import type { Database } from "@/core/db/client";
import type { ChangeSink } from "@/core/events";
import { parseTrustedProxies, type TrustedProxies } from "@/core/net/client-ip";
import { pepperKey } from "@/core/secrets/hash";
import { createApiHandler } from "./router";
import { ApiUserCache } from "./verify/api-user-cache";
import { KeyCache } from "./verify/key-cache";
import { TokenCache } from "./oauth/token-cache";
import { followKeyChanges } from "./verify/change-follower";
import { UsageRecorder } from "./verify/usage";
import { createLimits, limitOptionsFromEnv, type LimitOptions } from "./limits";

export type ApiInstance = {
  handler: ReturnType<typeof createApiHandler>;
  cache: KeyCache;
  apiUsers: ApiUserCache;
  tokens: TokenCache;
  /** Where this process's committed changes go (core/registry.ts setChangeSink): keys, API users, OAuth tokens. */
  sink: ChangeSink;
  usage: UsageRecorder;
  trustedProxies: TrustedProxies;
  stop: () => Promise<void>;
};

export type ApiOptions = { limits?: Partial<LimitOptions>; trustedProxies?: string; usageFlushMs?: number; accessLog?: boolean };

export async function startApi(db: Database, options: ApiOptions = {}): Promise<ApiInstance> {
  const pepper = pepperKey();
  const cache = new KeyCache(db.sql);
  await cache.loadAll();
  const apiUsers = new ApiUserCache(db.sql, pepper);
  const tokens = new TokenCache(db.sql, options.usageFlushMs);
  const sink: ChangeSink = {
    refresh: (keyId) => cache.refresh(keyId),
    refreshAccount: async (accountId) => {
      tokens.invalidateAccount(accountId);
      await Promise.all([cache.refreshAccount(accountId), apiUsers.refreshAccount(accountId)]);
    },
    refreshApiUser: (username) => apiUsers.refresh(username),
    refreshOAuth: async (change) => tokens.invalidate(change),
  };
  const unfollow = await followKeyChanges(db, cache, { apiUsers, tokens });
  const limits = createLimits({ ...limitOptionsFromEnv(), ...options.limits });
  const usage = new UsageRecorder(db.sql, options.usageFlushMs, db.pglite ? 60_000 : 0).start();
  const trustedProxies = parseTrustedProxies(options.trustedProxies);
  const handler = createApiHandler({
    pepper,
    cache,
    apiUsers,
    limits,
    usage,
    trustedProxies,
    oauth: { prisma: db.prisma, tokens },
    accessLog: options.accessLog ?? process.env.API_ACCESS_LOG === "1",
  });
  return {
    handler,
    cache,
    apiUsers,
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
