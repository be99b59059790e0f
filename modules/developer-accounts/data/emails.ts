/** The emails this feature sends, queued in the caller's transaction (see core/mail). */
import "server-only";
import type { Prisma } from "@/core/generated/prisma/client";
import { renderEmail } from "@/core/mail/layout";
import { enqueueEmail } from "@/core/mail/outbox";
import { publicUrl } from "@/core/mail/public-url";
import { CONFIRM_PATH } from "../nav";

type Tx = Prisma.TransactionClient;

export function confirmationEmail(tx: Tx, to: string, token: string) {
  return enqueueEmail(tx, "email_confirmation", to, renderEmail({
    subject: "Confirm your developer account request",
    heading: "Confirm your email address",
    paragraphs: ["You asked for a developer account on Developer's corner.", "Confirm your email address so our staff can review the request. The link works once and expires in 24 hours. If you did not ask, ignore this email."],
    action: { label: "Confirm my request", url: publicUrl(`${CONFIRM_PATH}/${token}`) },
  }));
}

export function decisionEmail(tx: Tx, to: string, outcome: { approved: true; accountName: string; number: string; invited: boolean; note: string | null } | { approved: false; reason: string }) {
  if (!outcome.approved) {
    return enqueueEmail(tx, "request_decision", to, renderEmail({
      subject: "Your developer account request was declined",
      heading: "Developer account request declined",
      paragraphs: [`Our staff declined your request: ${outcome.reason}`],
    }));
  }
  return enqueueEmail(tx, "developer_account", to, renderEmail({
    subject: `Your developer account ${outcome.accountName} is ready`,
    heading: "Your developer account is ready",
    paragraphs: [
      `${outcome.accountName} (${outcome.number}) is a developer account: free, with sending limits, and not for use in production.`,
      ...(outcome.note ? [`Note from our staff: ${outcome.note}`] : []),
      outcome.invited ? "We sent you a separate invitation: open it to choose your password." : "Sign in and switch to it from the account menu or Settings › Integrations.",
    ],
    action: outcome.invited ? undefined : { label: "Sign in", url: publicUrl("/login") },
  }));
}
