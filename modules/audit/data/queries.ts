/** The account's audit trail, newest first, for those the policy lets read it. */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { AuditEventDto } from "../types";

export type { AuditEventDto };

export async function listAuditEvents(ctx: ActorContext, limit = 20): Promise<AuditEventDto[]> {
  assertCan(ctx, "audit.view");
  const prisma = await getPrisma();
  return prisma.auditEvent.findMany({
    where: { accountId: ctx.accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: { id: true, action: true, actorEmail: true, targetLabel: true, ip: true, createdAt: true, details: true },
  });
}
