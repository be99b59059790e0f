/** Auth.js `authorize` for email + password: validated, throttled, one generic failure for any wrong pair. */
import "server-only";
import { CredentialsSignin, type User } from "next-auth";
import { getPrisma } from "@/core/registry";
import { clientIpFrom } from "@/core/net/client-ip";
import { verifyPassword } from "@/lib/auth/password";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess, type LoginClient } from "@/lib/auth/throttle";
import { deviceFromCookieHeader } from "./device-cookie";
import { createSession } from "@/lib/auth/sessions";
import { loginSchema } from "../schema";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

function clientOf(email: string, headers: Headers): LoginClient {
  return { email, ip: clientIpFrom(headers), device: deviceFromCookieHeader(email, headers.get("cookie")) };
}

/** How long the client of this request must wait before trying `email` again (for the sign-in form's message). */
export async function loginWaitSeconds(email: string, headers: Headers): Promise<number> {
  return loginRetryAfter(clientOf(email, headers));
}

/** Auth.js `authorize`: generic failure for any wrong email/password pair, throttled (lib/auth/throttle.ts). */
export async function verifyLogin(credentials: unknown, request: Request): Promise<User | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const client = clientOf(email, request.headers);

  if ((await loginRetryAfter(client)) > 0) throw new TooManyAttempts();

  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordLoginFailure(client);
    return null;
  }
  await recordLoginSuccess(client);
  const sessionId = await createSession(user.id, { ip: client.ip, userAgent: request.headers.get("user-agent") });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}
