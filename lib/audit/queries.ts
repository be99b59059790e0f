import "server-only";
import { getPrisma } from "@/lib/db";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";

export type AuditEventDto = {
  id: string;
  action: string;
  actorEmail: string | null;
  targetLabel: string | null;
  ip: string | null;
  createdAt: Date;
  details: unknown;
};

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
