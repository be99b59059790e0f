/** The account's rotation age (keys page reminder, weekly digest): changed by owners and admins, audited. */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";

export async function setRotationDays(ctx: ActorContext, days: number): Promise<{ days: number }> {
  assertCan(ctx, "apiKeys.manage");
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await tx.account.findFirst({ where: { id: ctx.accountId, deletedAt: null }, select: { keyRotationDays: true } });
    if (!before) throw new NotFoundError("Account");
    await tx.account.updateMany({ where: { id: ctx.accountId, deletedAt: null }, data: { keyRotationDays: days } });
    await recordAudit(tx, ctx, {
      action: "account.rotation_days_changed",
      targetType: "account",
      targetId: ctx.accountId,
      targetLabel: ctx.accountName,
      details: { from: before.keyRotationDays, to: days },
    });
  });
  return { days };
}
