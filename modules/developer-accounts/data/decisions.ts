/**
 * Staff decisions on developer-account requests, run inside the staff queue's decision transaction (so the
 * request, the new account, its owner or invitation, the emails and the audit events commit together or not at
 * all). Approve makes an account of kind developer: not for production, the default limits, linked to the main
 * account; the requester becomes its owner (a person without a user is invited to choose a password).
 */
import "server-only";
import { formatAccountNumber } from "@/core/account-number";
import type { Prisma } from "@/core/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import type { StaffContext } from "@/lib/auth/staff";
import { AppError } from "@/lib/errors";
import { inviteInTransaction } from "@/modules/members/public";
import { developerLimitDefaults } from "../limits";
import { decisionEmail } from "./emails";

type Tx = Prisma.TransactionClient;

async function pendingRequest(tx: Tx, staffRequestId: string) {
  const r = await tx.developerAccountRequest.findUnique({
    where: { staffRequestId },
    select: {
      id: true, status: true, useCase: true, company: true, contactEmail: true, mainAccountId: true,
      mainAccount: { select: { name: true, deletedAt: true } }, requestedBy: { select: { id: true, email: true } },
    },
  });
  if (!r || r.status !== "pending") throw new AppError("This developer account request is not waiting for a decision.");
  return r;
}

/** "Acme Ltd. m1234" → "Acme Ltd. (developer)"; an integrator's company as given. */
function accountName(r: { company: string; mainAccount: { name: string } | null }) {
  const base = r.mainAccount ? r.mainAccount.name : r.company.replace(/\s+m\s*\d+\s*$/i, "").trim();
  return `${base.slice(0, 66)} (developer)`;
}

export async function approveDeveloperRequest(tx: Tx, staff: StaffContext, staffRequestId: string, note: string | null): Promise<{ accountId: string }> {
  const r = await pendingRequest(tx, staffRequestId);
  if (r.mainAccount?.deletedAt) throw new AppError("The main account was deleted: decline this request instead.");
  const limits = developerLimitDefaults();
  const account = await tx.account.create({
    data: {
      name: accountName(r), kind: "developer", production: false, maxApiKeys: limits.maxApiKeys, maxEmailsPerDay: limits.emailsPerDay,
      maxSubaccounts: 0, mainAccountId: r.mainAccountId,
    },
    select: { id: true, name: true, number: true },
  });
  const ownerEmail = r.requestedBy?.email ?? r.contactEmail;
  const existing = r.requestedBy ?? (await tx.user.findFirst({ where: { email: { equals: ownerEmail, mode: "insensitive" } }, select: { id: true, email: true } }));
  if (existing) {
    await tx.membership.create({ data: { userId: existing.id, accountId: account.id, role: "owner" } });
  } else {
    await inviteInTransaction(tx, { accountId: account.id, accountName: account.name, email: ownerEmail, role: "owner", invitedById: staff.userId, inviter: "Developer's corner staff" });
  }
  await tx.developerAccountRequest.update({ where: { id: r.id }, data: { status: "approved", developerAccountId: account.id, decisionReason: note, decidedAt: new Date() } });
  const number = formatAccountNumber(account.number);
  await recordAudit(tx, { ...staff, accountId: account.id }, {
    action: "developer_account.created", targetType: "account", targetId: account.id, targetLabel: `${account.name} (${number})`,
    details: { request: staffRequestId, useCase: r.useCase, owner: ownerEmail, invited: !existing },
  });
  await decisionEmail(tx, ownerEmail, { approved: true, accountName: account.name, number, invited: !existing, note });
  return { accountId: account.id };
}

export async function declineDeveloperRequest(tx: Tx, staffRequestId: string, reason: string): Promise<void> {
  const r = await pendingRequest(tx, staffRequestId);
  await tx.developerAccountRequest.update({ where: { id: r.id }, data: { status: "declined", decisionReason: reason, decidedAt: new Date() } });
  await decisionEmail(tx, r.requestedBy?.email ?? r.contactEmail, { approved: false, reason });
}
