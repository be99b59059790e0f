/**
 * Changing one's own password: the current one must be right (wrong guesses count in the sign-in throttle),
 * the new hash is written with its audit event in one transaction, and every other session of the person is
 * revoked at once; this browser stays signed in.
 */
import "server-only";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { loginRetryAfter, recordLoginFailure } from "@/lib/auth/throttle";
import { AppError, ValidationError } from "@/lib/errors";

export async function changePassword(ctx: ActorContext, currentPassword: string, newPassword: string): Promise<{ otherSessionsEnded: number }> {
  const client = { email: ctx.email, ip: ctx.ip, device: null };
  const wait = await loginRetryAfter(client);
  if (wait > 0) throw new AppError(`Too many wrong passwords. Try again in ${wait} seconds.`);
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordLoginFailure(client);
    throw new ValidationError("Please correct the highlighted fields.", { currentPassword: ["Your current password is not correct"] });
  }
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.userId }, data: { passwordHash } });
    await recordAudit(tx, ctx, { action: "user.password_changed", targetType: "user", targetId: ctx.userId, targetLabel: ctx.email });
  });
  return { otherSessionsEnded: await revokeAllSessions(ctx.userId, ctx.sessionId) };
}
