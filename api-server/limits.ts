/**
 * Two limits guard the verification API, per client IP:
 * - in flight: at most API_MAX_IN_FLIGHT (default 20, Elastic Email's limit) concurrent requests;
 * - failed authentications: API_MAX_AUTH_FAILURES (default 30) per minute, then 429 for a minute, to stop
 *   key guessing.
 * In memory by default; shared across instances through Redis when REDIS_URL is set.
 */
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type Release = () => void;

export interface ApiLimits {
  /** A release function, or null when the IP is at its limit; the memory limits answer without a promise. */
  acquire(ip: string): Release | null | Promise<Release | null>;
  /** Counts a failed authentication; returns the seconds this IP is now blocked for, or 0. */
  recordAuthFailure(ip: string): Promise<number>;
  close(): Promise<void>;
}

export type LimitOptions = { maxInFlight: number; maxAuthFailures: number; redisUrl?: string; prefix?: string };

export function limitOptionsFromEnv(env = process.env): LimitOptions {
  return {
    maxInFlight: Number(env.API_MAX_IN_FLIGHT ?? 20),
    maxAuthFailures: Number(env.API_MAX_AUTH_FAILURES ?? 30),
    redisUrl: env.REDIS_URL || undefined,
  };
}

function failureLimiter(options: LimitOptions, redis: Redis | null): RateLimiterAbstract {
  const config = { keyPrefix: `${options.prefix ?? "dc"}_authfail`, points: options.maxAuthFailures, duration: 60, blockDuration: 60 };
  return redis ? new RateLimiterRedis({ ...config, storeClient: redis }) : new RateLimiterMemory(config);
}

async function penalise(limiter: RateLimiterAbstract, ip: string): Promise<number> {
  try {
    await limiter.consume(ip);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** Exact, synchronous counter: the hot path pays for a Map lookup and nothing else. */
class MemoryLimits implements ApiLimits {
  private inFlight = new Map<string, number>();
  private failures: RateLimiterAbstract;
  constructor(private readonly options: LimitOptions) {
    this.failures = failureLimiter(options, null);
  }
  acquire(ip: string): Release | null {
    const current = this.inFlight.get(ip) ?? 0;
    if (current >= this.options.maxInFlight) return null;
    this.inFlight.set(ip, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(ip) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(ip);
      else this.inFlight.set(ip, left);
    };
  }
  recordAuthFailure = (ip: string) => penalise(this.failures, ip);
  async close() {}
}

/**
 * Shared counters. In-flight is a tiny Lua script rather than rate-limiter-flexible, whose consume() counts
 * rejected requests too and whose window TTL is fixed at creation: the script increments only when under the
 * limit, decrements on release, and refreshes a one-minute TTL so a crashed instance cannot hold slots for ever.
 * If Redis is unreachable the request is let through (logged once a minute): availability over strictness.
 */
const ACQUIRE = `local n = redis.call('INCR', KEYS[1])
if n > tonumber(ARGV[1]) then redis.call('DECR', KEYS[1]) return 0 end
redis.call('EXPIRE', KEYS[1], ARGV[2]) return 1`;
const RELEASE = `local n = redis.call('DECR', KEYS[1]) if n <= 0 then redis.call('DEL', KEYS[1]) end return n`;

class RedisLimits implements ApiLimits {
  private failures: RateLimiterAbstract;
  private lastWarning = 0;
  constructor(
    private readonly options: LimitOptions,
    private readonly redis: Redis,
  ) {
    this.failures = failureLimiter(options, redis);
    redis.on("error", (e: Error) => this.warn(e));
  }
  private warn(e: Error) {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    console.error(`[limits] Redis unavailable, limits not shared: ${e.message}`);
  }
  private key(ip: string) {
    return `${this.options.prefix ?? "dc"}_inflight:${ip}`;
  }
  async acquire(ip: string) {
    const key = this.key(ip);
    let ok: unknown;
    try {
      ok = await this.redis.eval(ACQUIRE, 1, key, this.options.maxInFlight, 60);
    } catch (e) {
      this.warn(e as Error);
      return () => {};
    }
    if (ok !== 1) return null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.redis.eval(RELEASE, 1, key).catch(() => {});
    };
  }
  recordAuthFailure = async (ip: string) => {
    try {
      return await penalise(this.failures, ip);
    } catch (e) {
      this.warn(e as Error);
      return 0;
    }
  };
  async close() {
    await this.redis.quit().catch(() => {});
  }
}

export function createLimits(options: LimitOptions): ApiLimits {
  if (!options.redisUrl) return new MemoryLimits(options);
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 2 });
  return new RedisLimits(options, redis);
}
