/**
 * The public form's flood limits: per client IP (10 an hour) and per email address (3 a day), counted on every
 * attempt that passes validation. Memory by default, Redis when REDIS_URL is set (as sign-in throttling).
 */
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { buildRateLimiter } from "@/lib/auth/throttle";
import { LimitError } from "@/lib/errors";

export const PUBLIC_LIMITS = {
  ip: { keyPrefix: "devreq_ip", points: 10, duration: 3600, blockDuration: 0 },
  email: { keyPrefix: "devreq_email", points: 3, duration: 86_400, blockDuration: 0 },
};

let limiters: { ip: ReturnType<typeof buildRateLimiter>; email: ReturnType<typeof buildRateLimiter> } | null = null;

export async function takePublicRequestSlot(ip: string | null, email: string): Promise<void> {
  limiters ??= { ip: buildRateLimiter(PUBLIC_LIMITS.ip), email: buildRateLimiter(PUBLIC_LIMITS.email) };
  const take = (l: ReturnType<typeof buildRateLimiter>, key: string) =>
    l.consume(key).then(() => true, (e: unknown) => {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    });
  const [byIp, byEmail] = await Promise.all([take(limiters.ip, ip ?? "unknown"), take(limiters.email, email)]);
  if (!byIp || !byEmail) throw new LimitError("Too many requests. Try again later.");
}
