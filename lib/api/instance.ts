import type { Database } from "@/lib/db/client";
import { parseTrustedProxies, type TrustedProxies } from "./client-ip";
import { createApiHandler } from "./handler";
import { KeyCache } from "./key-cache";
import { followKeyChanges } from "./key-events";
import { createLimits, limitOptionsFromEnv, type LimitOptions } from "./limits";
import { UsageRecorder } from "./usage";
import { pepperKey } from "@/lib/api-keys/secret-hash";

export type ApiInstance = {
  handler: ReturnType<typeof createApiHandler>;
  cache: KeyCache;
  usage: UsageRecorder;
  trustedProxies: TrustedProxies;
  stop: () => Promise<void>;
};

export type ApiOptions = { limits?: Partial<LimitOptions>; trustedProxies?: string; usageFlushMs?: number; accessLog?: boolean };

/** Builds one instance of the verification API over a database: warm cache, events, limits, usage batching. */
export async function startApi(db: Database, options: ApiOptions = {}): Promise<ApiInstance> {
  const cache = new KeyCache(db.sql);
  await cache.loadAll();
  const unfollow = await followKeyChanges(db, cache);
  const limits = createLimits({ ...limitOptionsFromEnv(), ...options.limits });
  const usage = new UsageRecorder(db.sql, options.usageFlushMs, db.pglite ? 60_000 : 0).start();
  const trustedProxies = parseTrustedProxies(options.trustedProxies);
  const handler = createApiHandler({
    pepper: pepperKey(),
    cache,
    limits,
    usage,
    trustedProxies,
    accessLog: options.accessLog ?? process.env.API_ACCESS_LOG === "1",
  });
  return {
    handler,
    cache,
    usage,
    trustedProxies,
    stop: async () => {
      await unfollow();
      await usage.stop().catch((e: Error) => console.error(`[usage] final flush failed: ${e.message}`));
      await limits.close();
    },
  };
}
