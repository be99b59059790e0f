/** Auth.js `authorize` for email + password: validated, throttled, one generic failure for any wrong pair. */
import "server-only";
import { CredentialsSignin, type User } from "next-auth";
import { getPrisma } from "@/core/registry";
import { clientIpFrom } from "@/core/net/client-ip";
import { verifyPassword } from "@/lib/auth/password";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/throttle";
import { loginSchema } from "../schema";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

/** Auth.js `authorize`: generic failure for any wrong email/password pair, throttled per email and IP. */
export async function verifyLogin(credentials: unknown, request: Request): Promise<User | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIpFrom(request.headers);

  if ((await loginRetryAfter(email, ip)) > 0) throw new TooManyAttempts();

  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordLoginFailure(email, ip);
    return null;
  }
  await recordLoginSuccess(email, ip);
  return { id: user.id, email: user.email, name: user.name };
}
