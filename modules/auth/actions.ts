/** Sign-in (public: no session yet), sign-out, and "sign out everywhere". */
"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { auth, signIn, signOut } from "@/auth";
import { defineAction, definePublicAction } from "@/lib/action";
import { recordUserEvent } from "@/lib/audit";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { KEYS_PATH } from "@/modules/api-keys/nav";
import { issueDeviceCookie } from "@/lib/auth/device-cookie";
import { deviceEpochOf, isStaffOnly, loginWaitSeconds } from "./data/credentials";
import { STAFF_PATH } from "@/modules/staff/nav";
import { headers } from "next/headers";
import { emptySchema, loginSchema, safeCallbackPath } from "./schema";

const GENERIC = "Incorrect email or password.";
const seconds = (n: number) => `${n} second${n === 1 ? "" : "s"}`;

export const loginAction = definePublicAction(loginSchema, async ({ callbackUrl, ...credentials }): Promise<{ redirectTo: string }> => {
  // Signing in as someone (else) in this browser ends the session it had: a copy of that cookie dies with it.
  const previous = await auth();
  if (previous?.sessionId) await revokeSession(previous.sessionId);
  try {
    await signIn("credentials", { ...credentials, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const wait = Math.max(1, await loginWaitSeconds(credentials.email, await headers()));
      throw new AppError(`Too many failed attempts. Try again in ${seconds(wait)}.`);
    }
    if (error instanceof AuthError) throw new AppError(GENERIC);
    throw error;
  }
  await issueDeviceCookie(credentials.email, await deviceEpochOf(credentials.email));
  const target = safeCallbackPath(callbackUrl);
  // Staff without an account of their own go to the console (unless they came for a page of it).
  if (await isStaffOnly(credentials.email)) return { redirectTo: target?.startsWith(STAFF_PATH) ? target : STAFF_PATH };
  return { redirectTo: target ?? KEYS_PATH };
});

/** Ends this browser's session on the server too, so a copy of the cookie is worthless from now on. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) await revokeSession(session.sessionId);
  await signOut({ redirectTo: "/login" });
}

export const signOutEverywhereAction = defineAction(emptySchema, async (_input, ctx) => {
  const revoked = await revokeAllSessions(ctx.userId, undefined, { endDevices: true });
  await recordUserEvent(ctx, "user.signed_out_everywhere", { sessions: revoked });
  await signOut({ redirectTo: "/login" });
  return { revoked };
});
