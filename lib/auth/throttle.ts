/**
 * Failed sign-ins only are counted, in three buckets: one email from one IP (the usual typo-prone user),
 * one IP across many emails (credential stuffing) and one email across many IPs (distributed guessing).
 * Blocks are temporary, so the real user is never locked out for good.
 */
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const WINDOW_S = 15 * 60;
const limiters = {
  emailIp: new RateLimiterMemory({ keyPrefix: "login_email_ip", points: 5, duration: WINDOW_S, blockDuration: 60 }),
  ip: new RateLimiterMemory({ keyPrefix: "login_ip", points: 50, duration: WINDOW_S, blockDuration: 5 * 60 }),
  email: new RateLimiterMemory({ keyPrefix: "login_email", points: 20, duration: WINDOW_S, blockDuration: 5 * 60 }),
};

function keys(email: string, ip: string | null) {
  const who = ip ?? "unknown";
  return { emailIp: `${email}|${who}`, ip: who, email };
}

/** Seconds until another attempt is allowed, or 0. */
export async function loginRetryAfter(email: string, ip: string | null): Promise<number> {
  const k = keys(email, ip);
  const states = await Promise.all([
    limiters.emailIp.get(k.emailIp),
    limiters.ip.get(k.ip),
    limiters.email.get(k.email),
  ]);
  const points = [limiters.emailIp.points, limiters.ip.points, limiters.email.points];
  let wait = 0;
  states.forEach((state, i) => {
    if (state && state.consumedPoints >= points[i]!) wait = Math.max(wait, Math.ceil(state.msBeforeNext / 1000));
  });
  return wait;
}

/** Once a bucket is full it is blocked for its blockDuration: short, certain blocks rather than the whole window. */
async function fail(limiter: RateLimiterMemory, key: string): Promise<void> {
  const res = await limiter.consume(key).catch((e: unknown) => {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  });
  if (res.consumedPoints >= limiter.points) await limiter.block(key, limiter.blockDuration);
}

export async function recordLoginFailure(email: string, ip: string | null): Promise<void> {
  const k = keys(email, ip);
  await Promise.all([fail(limiters.emailIp, k.emailIp), fail(limiters.ip, k.ip), fail(limiters.email, k.email)]);
}

export async function recordLoginSuccess(email: string, ip: string | null): Promise<void> {
  await limiters.emailIp.delete(keys(email, ip).emailIp);
}
