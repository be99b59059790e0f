/** The email a requester gets when staff decide their request (queued in the decision's transaction). */
import "server-only";
import type { Prisma } from "@/core/generated/prisma/client";
import { renderEmail } from "@/core/mail/layout";
import { enqueueEmail } from "@/core/mail/outbox";
import { publicUrl } from "@/core/mail/public-url";

export function requestDecisionEmail(
  tx: Prisma.TransactionClient,
  to: string,
  d: { what: string; approved: boolean; reason: string | null; accountName: string | null; path: string },
) {
  const verdict = d.approved ? "approved" : "declined";
  const where = d.accountName ? ` for ${d.accountName}` : "";
  return enqueueEmail(tx, "request_decision", to, renderEmail({
    subject: `Your request for ${d.what}${where} was ${verdict}`,
    heading: `Request ${verdict}`,
    paragraphs: [
      `Our staff ${verdict} your request for ${d.what}${where}.`,
      ...(d.reason ? [`${d.approved ? "Note" : "Reason"}: ${d.reason}`] : []),
    ],
    action: { label: "Open Developer's corner", url: publicUrl(d.path) },
  }));
}
