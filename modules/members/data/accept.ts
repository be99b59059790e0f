/**
 * Accepting an invitation: a signed-in person whose email is the invited one joins at once; a new person chooses a
 * name and a password (the shared rule, not a common password) — the account and the membership are created in one
 * transaction with the invitation's single use — and is then signed in. Either way they land in the new account.
 */
import "server-only";
import { cookies } from "next/headers";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/core/secrets/common-passwords";
import { ACTIVE_ACCOUNT_COOKIE } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { AppError, ValidationError } from "@/lib/errors";
import { acceptInvitation, findInvitation } from "./invitations";

export async function chooseAccount(accountId: string): Promise<void> {
  const secure = process.env.AUTH_URL?.startsWith("https://") === true;
  (await cookies()).set(ACTIVE_ACCOUNT_COOKIE, accountId, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 365 * 86_400 });
}

export async function acceptAsSignedInUser(token: string, userId: string): Promise<void> {
  const { accountId } = await acceptInvitation(token, { userId });
  await chooseAccount(accountId);
}

/** Creates the invited person's user (they had none) and accepts; the caller signs them in. Answers their email. */
export async function acceptAsNewUser(token: string, name: string, password: string): Promise<string> {
  const invitation = await findInvitation(token);
  if (!invitation) throw new AppError("This invitation is no longer valid. Ask for a new one.");
  if (invitation.userExists) throw new AppError("You already have an account: sign in to accept.");
  if (isCommonPassword(password)) throw new ValidationError("Please correct the highlighted fields.", { password: [COMMON_PASSWORD_MESSAGE] });
  const { accountId } = await acceptInvitation(token, { newUser: { name, passwordHash: await hashPassword(password) } });
  await chooseAccount(accountId);
  return invitation.email;
}
