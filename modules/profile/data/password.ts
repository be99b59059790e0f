/**
 * Changing one's own password: the current one must be right (checked under the sign-in throttle, as this browser:
 * its device cookie exempts it from strangers' per-email delay), the new hash is written with its audit event in
 * one transaction, every other session of the person is revoked at once and every device cookie ends; this browser
 * stays signed in and gets a fresh device cookie.
 */
import "server-only";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import { currentDevice, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { throttledAttempt } from "@/lib/auth/throttle";
import { AppError, ValidationError } from "@/lib/errors";

export async function changePassword(ctx: ActorContext, currentPassword: string, newPassword: string): Promise<{ otherSessionsEnded: number }> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { passwordHash: true, deviceEpoch: true } });
  const client = { email: ctx.email, ip: ctx.ip, device: await currentDevice(ctx.email, user.deviceEpoch) };
  const outcome = await throttledAttempt(client, () => verifyPassword(user.passwordHash, currentPassword));
  if ("retryAfter" in outcome) {
    throw new AppError(`Too many wrong passwords. Try again in ${outcome.retryAfter} second${outcome.retryAfter === 1 ? "" : "s"}.`);
  }
  if (!outcome.ok) {
    throw new ValidationError("Please correct the highlighted fields.", { currentPassword: ["Your current password is not correct"] });
  }
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.userId }, data: { passwordHash } });
    await recordAudit(tx, ctx, { action: "user.password_changed", targetType: "user", targetId: ctx.userId, targetLabel: ctx.email });
  });
  const otherSessionsEnded = await revokeAllSessions(ctx.userId, ctx.sessionId, { endDevices: true });
  const { deviceEpoch } = await prisma.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { deviceEpoch: true } });
  await issueDeviceCookie(ctx.email, deviceEpoch);
  return { otherSessionsEnded };
}
