/**
 * The outbox: an email is a row written in the same transaction as the change that causes it, so it exists
 * exactly when the change does; the worker (worker.ts) delivers it. One log line per email, never its body
 * (which may carry a token).
 */
import type { Prisma } from "@/core/generated/prisma/client";
import type { RenderedEmail } from "./layout";

export type OutboxKind = "invitation" | "member_changed" | "request_decision" | "key_expiring" | "rotation_digest" | "email_confirmation" | "developer_account";

export async function enqueueEmail(tx: Prisma.TransactionClient, kind: OutboxKind, to: string, email: RenderedEmail): Promise<string> {
  const row = await tx.outboxEmail.create({ data: { kind, to, subject: email.subject, text: email.text, html: email.html }, select: { id: true } });
  console.log(`[mail] queued ${row.id} to=${to} subject="${email.subject}"`);
  return row.id;
}
