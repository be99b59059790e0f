/**
 * Sign-in throttling. Failed sign-ins only are counted:
 * - one email from one IP (the typo-prone user): 5 in 15 min → blocked 60 s;
 * - one IP across emails (credential stuffing): 50 in 15 min → blocked 5 min;
 * - a known device (OWASP device cookie, see modules/auth/data/device-cookie.ts): 10 in 15 min → blocked 60 s;
 * - one email across unknown clients (distributed guessing): from the 10th failure in 15 min a progressive
 *   delay, 1 s doubling to at most 60 s (below 10, the email+IP bucket alone answers a typo-prone user). A known device is exempt from this bucket, so strangers cannot lock the real
 *   user out, and an unknown client is slowed down, never locked out for good.
 * Memory by default; shared through Redis when REDIS_URL is set (falling back to memory if Redis is down).
 */
import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type LoginClient = { email: string; ip: string | null; /** verified device-cookie nonce for this email */ device: string | null };

const WINDOW_S = 15 * 60;
export const EMAIL_DELAY = { after: 10, maxSeconds: 60 };

type Bucket = { keyPrefix: string; points: number; duration: number; blockDuration: number };
const BUCKETS = {
  emailIp: { keyPrefix: "login_email_ip", points: 5, duration: WINDOW_S, blockDuration: 60 },
  ip: { keyPrefix: "login_ip", points: 50, duration: WINDOW_S, blockDuration: 5 * 60 },
  device: { keyPrefix: "login_device", points: 10, duration: WINDOW_S, blockDuration: 60 },
  emailFailures: { keyPrefix: "login_email_fail", points: 1_000_000, duration: WINDOW_S, blockDuration: 0 },
  emailDelay: { keyPrefix: "login_email_delay", points: 1, duration: EMAIL_DELAY.maxSeconds, blockDuration: 0 },
} satisfies Record<string, Bucket>;

let redis: Redis | null | undefined;
function redisClient(): Redis | null {
  if (redis !== undefined) return redis;
  const url = process.env.REDIS_URL;
  // No offline queue: while Redis is not connected each call fails at once and the insurance (memory) limiter
  // answers, so a Redis outage never makes sign-in wait.
  redis = url ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }) : null;
  redis?.on("error", () => {});
  return redis;
}

/** A limiter for `bucket`, shared through Redis when REDIS_URL is set; also used by other public forms. */
export function buildRateLimiter(bucket: Bucket): RateLimiterAbstract {
  const client = redisClient();
  if (!client) return new RateLimiterMemory(bucket);
  return new RateLimiterRedis({ ...bucket, keyPrefix: `dc_${bucket.keyPrefix}`, storeClient: client, insuranceLimiter: new RateLimiterMemory(bucket) });
}

let limiters: Record<keyof typeof BUCKETS, RateLimiterAbstract> | null = null;
function get() {
  limiters ??= Object.fromEntries(Object.entries(BUCKETS).map(([k, b]) => [k, buildRateLimiter(b)])) as Record<keyof typeof BUCKETS, RateLimiterAbstract>;
  return limiters;
}

function keys(c: LoginClient) {
  const ip = c.ip ?? "unknown";
  return { emailIp: `${c.email}|${ip}`, ip, email: c.email, device: c.device ? `${c.email}|${c.device}` : null };
}

/** A bucket at or over its points is blocked until its key expires. */
const waitOf = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0);

/** Seconds until this client may try again, or 0. */
export async function loginRetryAfter(c: LoginClient): Promise<number> {
  const l = get();
  const k = keys(c);
  const checks: Promise<number>[] = [
    l.emailIp.get(k.emailIp).then((r) => waitOf(r, l.emailIp.points)),
    l.ip.get(k.ip).then((r) => waitOf(r, l.ip.points)),
    k.device ? l.device.get(k.device).then((r) => waitOf(r, l.device.points)) : l.emailDelay.get(k.email).then((r) => waitOf(r, 1)),
  ];
  return Math.max(0, ...(await Promise.all(checks)));
}

/** Once a bucket is full it is blocked for its blockDuration: short, certain blocks rather than the whole window. */
async function fail(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const res = await limiter.consume(key).catch((e: unknown) => {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  });
  if (limiter.blockDuration > 0 && res.consumedPoints >= limiter.points) await limiter.block(key, limiter.blockDuration);
  return res.consumedPoints;
}

/** Counts a failure without a check (tests; callers of a check use throttledAttempt). */
export async function recordLoginFailure(c: LoginClient): Promise<void> {
  const l = get();
  const k = keys(c);
  const work: Promise<unknown>[] = [fail(l.emailIp, k.emailIp), fail(l.ip, k.ip)];
  work.push(k.device ? fail(l.device, k.device) : addEmailFailure(k.email));
  await Promise.all(work);
}

export async function recordLoginSuccess(c: LoginClient): Promise<void> {
  const l = get();
  const k = keys(c);
  await Promise.all([l.emailIp.delete(k.emailIp), k.device ? l.device.delete(k.device) : Promise.resolve(false)]);
}

/** Unknown clients' attempts on one email run one at a time, so each failure is counted before the next check. */
const emailLocks = new Map<string, Promise<unknown>>();
async function withEmailLock<T>(email: string, run: () => Promise<T>): Promise<T> {
  const previous = emailLocks.get(email) ?? Promise.resolve();
  const mine = previous.catch(() => {}).then(run);
  emailLocks.set(email, mine);
  try {
    return await mine;
  } finally {
    if (emailLocks.get(email) === mine) emailLocks.delete(email);
  }
}

/** Takes one point from each bucket before the password is checked; false when one of them is already spent. */
async function reserve(c: LoginClient): Promise<boolean> {
  const l = get();
  const k = keys(c);
  const take = async (limiter: RateLimiterAbstract, key: string) => {
    const res = await limiter.consume(key).catch((e: unknown) => {
      if (e instanceof RateLimiterRes) return e;
      throw e;
    });
    return res.consumedPoints <= limiter.points;
  };
  const taken = await Promise.all([take(l.emailIp, k.emailIp), take(l.ip, k.ip), k.device ? take(l.device, k.device) : true]);
  return taken.every(Boolean);
}

/** After a reserved attempt failed: full buckets are blocked; unknown clients add to the per-email delay. */
async function settleFailure(c: LoginClient): Promise<void> {
  const l = get();
  const k = keys(c);
  const blockIfFull = async (limiter: RateLimiterAbstract, key: string) => {
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= limiter.points) await limiter.block(key, limiter.blockDuration);
  };
  const work: Promise<unknown>[] = [blockIfFull(l.emailIp, k.emailIp), blockIfFull(l.ip, k.ip)];
  if (k.device) work.push(blockIfFull(l.device, k.device));
  else work.push(addEmailFailure(k.email));
  await Promise.all(work);
}

async function addEmailFailure(email: string): Promise<void> {
  const l = get();
  const count = await fail(l.emailFailures, email);
  if (count < EMAIL_DELAY.after) return;
  await l.emailDelay.block(email, Math.min(2 ** (count - EMAIL_DELAY.after), EMAIL_DELAY.maxSeconds));
}

/**
 * One password check under every limit, safe against parallel requests: the points are taken before the (slow)
 * check runs, so a burst cannot all pass the limit check; an unknown client's attempts on one email also queue.
 * Answers the check's outcome, or how long the client must wait (nothing was checked).
 */
export async function throttledAttempt(c: LoginClient, check: () => Promise<boolean>): Promise<{ ok: boolean } | { retryAfter: number }> {
  const run = async () => {
    const wait = await loginRetryAfter(c);
    if (wait > 0) return { retryAfter: wait };
    if (!(await reserve(c))) return { retryAfter: Math.max(1, await loginRetryAfter(c)) };
    const ok = await check();
    if (ok) {
      await recordLoginSuccess(c);
      await get().ip.reward(keys(c).ip, 1); // a success is not a failure from this address
    } else {
      await settleFailure(c);
    }
    return { ok };
  };
  return c.device ? run() : withEmailLock(c.email, run);
}

/** Resolves true once the shared store is connected (false without REDIS_URL, or after `timeoutMs`). */
export async function loginStoreReady(timeoutMs = 2000): Promise<boolean> {
  const client = redisClient();
  if (!client) return false;
  if (client.status === "ready") return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Tests only: forget every counter (memory store). */
export function resetLoginThrottle(): void {
  limiters = null;
}
