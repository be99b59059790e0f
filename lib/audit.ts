/** The audit trail's one writer: every mutation records its event inside its own transaction. */
import "server-only";
import type { Prisma } from "@/core/generated/prisma/client";
import type { ActorContext } from "@/lib/auth/context";
import { getPrisma } from "@/core/registry";

type Tx = Prisma.TransactionClient;

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string | null;
  /** Never a secret or a hash: names, scopes, changed field names. */
  details?: Prisma.InputJsonValue;
};

/** Who did it and where it is recorded: a member acting in an account, or staff acting on one. */
export type AuditActor = Pick<ActorContext, "accountId" | "userId" | "email" | "ip" | "userAgent">;

/** Written inside the caller's transaction, so the event exists exactly when the change does. */
export async function recordAudit(tx: Tx, ctx: AuditActor, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      accountId: ctx.accountId,
      actorId: ctx.userId,
      actorEmail: ctx.email,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      targetLabel: input.targetLabel ?? null,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: input.details ?? {},
    },
  });
}

/** An event about the acting user rather than a resource (sign out everywhere, password change), in its own transaction. */
export async function recordUserEvent(ctx: ActorContext, action: string, details: Prisma.InputJsonValue = {}): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => recordAudit(tx, ctx, { action, targetType: "user", targetId: ctx.userId, targetLabel: ctx.email, details }));
}
