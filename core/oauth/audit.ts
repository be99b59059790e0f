/** Audit events written by the OAuth server (outside the web app's action wrapper), inside the caller's transaction. */
import type { Prisma } from "@/core/generated/prisma/client";

export type OAuthAuditInput = {
  accountId: string;
  actorId: string | null;
  actorEmail?: string | null;
  action: "oauth.authorized" | "oauth.token_issued" | "oauth.revoked" | "oauth.reuse_detected";
  clientDbId: string;
  appName: string;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function recordOAuthAudit(tx: Prisma.TransactionClient, input: OAuthAuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      accountId: input.accountId,
      actorId: input.actorId,
      actorEmail: input.actorEmail ?? null,
      action: input.action,
      targetType: "oauth_app",
      targetId: input.clientDbId,
      targetLabel: input.appName,
      ip: input.ip ?? null,
      details: input.details ?? {},
    },
  });
}
