/** The emails this feature sends (queued in the caller's transaction; see core/mail). */
import "server-only";
import { renderEmail } from "@/core/mail/layout";
import { enqueueEmail } from "@/core/mail/outbox";
import { publicUrl } from "@/core/mail/public-url";
import type { Prisma } from "@/core/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export function invitationEmail(tx: Tx, to: string, accountName: string, role: string, inviter: string, token: string) {
  return enqueueEmail(tx, "invitation", to, renderEmail({
    subject: `You are invited to ${accountName} on Developer's corner`,
    heading: `Join ${accountName}`,
    paragraphs: [`${inviter} invited you to ${accountName} as ${role}.`, "The link works once and expires in 7 days."],
    action: { label: "Accept the invitation", url: publicUrl(`/invitations/${token}`) },
  }));
}

export function memberChangedEmail(tx: Tx, to: string, accountName: string, what: string) {
  return enqueueEmail(tx, "member_changed", to, renderEmail({
    subject: `Your access to ${accountName} changed`,
    heading: `Your access to ${accountName}`,
    paragraphs: [what, "If you did not expect this, ask an owner of the account."],
    action: { label: "Open Developer's corner", url: publicUrl("/login") },
  }));
}
