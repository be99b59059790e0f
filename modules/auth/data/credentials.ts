/** Auth.js `authorize` for email + password: validated, throttled, one generic failure for any wrong pair. */
import "server-only";
import { CredentialsSignin, type User } from "next-auth";
import { getPrisma } from "@/core/registry";
import { clientIpFrom } from "@/core/net/client-ip";
import { deviceFromCookieHeader } from "@/lib/auth/device-cookie";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { loginRetryAfter, throttledAttempt, type LoginClient } from "@/lib/auth/throttle";
import { loginSchema } from "../schema";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

async function findUser(email: string) {
  const prisma = await getPrisma();
  return prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, deviceEpoch: true } });
}

function clientOf(email: string, headers: Headers, deviceEpoch: number): LoginClient {
  return { email, ip: clientIpFrom(headers), device: deviceFromCookieHeader(email, headers.get("cookie"), deviceEpoch) };
}

/** How long the client of this request must wait before trying `email` again (for the sign-in form's message). */
export async function loginWaitSeconds(email: string, headers: Headers): Promise<number> {
  return loginRetryAfter(clientOf(email, headers, (await findUser(email))?.deviceEpoch ?? 0));
}

/** The current device epoch of `email` (0 for an unknown email), for issuing its device cookie. */
export async function deviceEpochOf(email: string): Promise<number> {
  return (await findUser(email))?.deviceEpoch ?? 0;
}

/** Auth.js `authorize`: generic failure for any wrong email/password pair, throttled (lib/auth/throttle.ts). */
export async function verifyLogin(credentials: unknown, request: Request): Promise<User | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  // The same look-up for known and unknown emails; the dummy hash keeps both equally slow.
  const user = await findUser(email);
  const client = clientOf(email, request.headers, user?.deviceEpoch ?? 0);
  const outcome = await throttledAttempt(client, async () => (await verifyPassword(user?.passwordHash ?? null, password)) && user !== null);
  if ("retryAfter" in outcome) throw new TooManyAttempts();
  if (!outcome.ok || !user) return null;
  await (await getPrisma()).user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const sessionId = await createSession(user.id, { ip: client.ip, userAgent: request.headers.get("user-agent") });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}

/** Platform staff who belong to no account (their home is the staff console). */
export async function isStaffOnly(email: string): Promise<boolean> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email }, select: { staff: true, _count: { select: { memberships: true } } } });
  return user?.staff === true && user._count.memberships === 0;
}
