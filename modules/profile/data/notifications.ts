/** The person's own key emails (see core/notifications/key-notices.ts): read, and changed with an audit event. */
import "server-only";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import type { NotificationsValues } from "../schema";

export async function getNotificationSettings(userId: string): Promise<Required<NotificationsValues>> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyKeyExpiry: true, notifyRotationDigest: true } });
  return { keyExpiry: user.notifyKeyExpiry, rotationDigest: user.notifyRotationDigest };
}

export async function updateNotificationSettings(ctx: ActorContext, input: Required<NotificationsValues>): Promise<Required<NotificationsValues>> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.userId }, data: { notifyKeyExpiry: input.keyExpiry, notifyRotationDigest: input.rotationDigest } });
    await recordAudit(tx, ctx, { action: "user.notifications_changed", targetType: "user", targetId: ctx.userId, targetLabel: ctx.email, details: input });
  });
  return input;
}
