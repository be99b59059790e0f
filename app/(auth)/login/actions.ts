"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import type { ActionResult } from "@/lib/action-result";
import { loginSchema } from "@/lib/auth/credentials";

const GENERIC = "Incorrect email or password.";

export async function loginAction(input: { email: string; password: string }): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: GENERIC, fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])) };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return { ok: true, data: { redirectTo: "/settings/developers/api-keys" } };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { ok: false, error: "Too many failed attempts. Wait a minute and try again." };
    }
    if (error instanceof AuthError) return { ok: false, error: GENERIC };
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
