import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Two limits guard the verification API, per client IP:
 * - in flight: at most API_MAX_IN_FLIGHT (default 20, Elastic Email's limit) concurrent requests;
 * - failed authentications: API_MAX_AUTH_FAILURES (default 30) per minute, then 429 for a minute, to stop
 *   key guessing.
 * In memory by default; shared across instances through Redis when REDIS_URL is set.
 */
export type Release = () => void;

export interface ApiLimits {
  acquire(ip: string): Promise<Release | null>;
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
  async acquire(ip: string) {
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
 * Shared counters: consume one point when a request starts and give it back when it ends. The key expires after
 * a minute so a crashed instance cannot hold an IP's slots for ever.
 */
class RedisLimits implements ApiLimits {
  private inFlight: RateLimiterRedis;
  private failures: RateLimiterAbstract;
  constructor(
    private readonly options: LimitOptions,
    private readonly redis: Redis,
  ) {
    this.inFlight = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${options.prefix ?? "dc"}_inflight`,
      points: options.maxInFlight,
      duration: 60,
    });
    this.failures = failureLimiter(options, redis);
  }
  async acquire(ip: string) {
    try {
      await this.inFlight.consume(ip);
    } catch (e) {
      if (e instanceof RateLimiterRes) return null;
      throw e;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.inFlight.reward(ip, 1).catch(() => {});
    };
  }
  recordAuthFailure = (ip: string) => penalise(this.failures, ip);
  async close() {
    await this.redis.quit().catch(() => {});
  }
}

export function createLimits(options: LimitOptions): ApiLimits {
  if (!options.redisUrl) return new MemoryLimits(options);
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 2 });
  return new RedisLimits(options, redis);
}
