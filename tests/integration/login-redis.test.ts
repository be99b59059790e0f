/**
 * With REDIS_URL set the sign-in limits live in Redis, so every instance (and a restarted one) sees the same
 * counts; with Redis unreachable the limiter falls back to memory and still throttles.
 */
import crypto from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function freshThrottle(redisUrl: string) {
  vi.stubEnv("REDIS_URL", redisUrl);
  vi.resetModules();
  return import("@/lib/auth/throttle");
}

afterAll(() => void vi.unstubAllEnvs());

describe("sign-in limits shared through Redis", () => {
  it("a block recorded by one instance holds on another (a fresh limiter over the same Redis)", async () => {
    const email = `redis-${crypto.randomUUID()}@example.test`;
    const client = { email, ip: "203.0.113.77", device: null };
    const first = await freshThrottle(REDIS);
    expect(await first.loginStoreReady()).toBe(true);
    for (let i = 0; i < 5; i++) await first.recordLoginFailure(client);
    expect(await first.loginRetryAfter(client)).toBeGreaterThanOrEqual(59);

    const second = await freshThrottle(REDIS);
    expect(second).not.toBe(first);
    expect(await second.loginStoreReady()).toBe(true);
    const wait = await second.loginRetryAfter(client);
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    // Another address for the same email is not held by the email+IP bucket.
    expect(await second.loginRetryAfter({ ...client, ip: "203.0.113.78" })).toBe(0);
  });

  it("with Redis unreachable, the in-memory fallback still throttles and nothing throws", async () => {
    const email = `down-${crypto.randomUUID()}@example.test`;
    const client = { email, ip: "203.0.113.79", device: null };
    const throttle = await freshThrottle("redis://127.0.0.1:1");
    const started = performance.now();
    for (let i = 0; i < 5; i++) await throttle.recordLoginFailure(client);
    expect(await throttle.loginRetryAfter(client)).toBeGreaterThanOrEqual(59);
    expect(performance.now() - started, "a Redis outage must not make sign-in wait").toBeLessThan(1000);
  });
});
