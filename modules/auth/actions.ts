/** Sign-in (public: no session yet) and sign-out. */
"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { definePublicAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { KEYS_PATH } from "@/modules/api-keys/nav";
import { loginSchema } from "./schema";

const GENERIC = "Incorrect email or password.";

export const loginAction = definePublicAction(loginSchema, async (credentials): Promise<{ redirectTo: string }> => {
  try {
    await signIn("credentials", { ...credentials, redirect: false });
    return { redirectTo: KEYS_PATH };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      throw new AppError("Too many failed attempts. Wait a minute and try again.");
    }
    if (error instanceof AuthError) throw new AppError(GENERIC);
    throw error;
  }
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
