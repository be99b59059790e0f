/**
 * The staff requests queue. Decisions are final: a request is decided only while pending (a conditional update,
 * so two staff members deciding at once cannot both win), in one transaction with its effect and its audit event
 * (recorded in the requesting account's trail, with the staff member as actor).
 */
import "server-only";
import { formatAccountNumber } from "@/core/account-number";
import type { Prisma } from "@/core/generated/prisma/client";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { StaffContext } from "@/lib/auth/staff";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { approveDeveloperRequest, declineDeveloperRequest } from "@/modules/developer-accounts/public";
import { applyCatalogDecision } from "@/modules/oauth-apps/public";
import type { StaffRequestDto } from "../types";
import { requestDecisionEmail } from "./emails";

const SELECT = {
  id: true,
  type: true,
  status: true,
  details: true,
  decisionReason: true,
  decidedAt: true,
  createdAt: true,
  requesterEmail: true,
  requestedBy: { select: { email: true } },
  decidedBy: { select: { email: true } },
  account: { select: { id: true, name: true, number: true, maxSubaccounts: true, _count: { select: { children: { where: { deletedAt: null } } } } } },
} satisfies Prisma.StaffRequestSelect;

type Row = Prisma.StaffRequestGetPayload<{ select: typeof SELECT }>;

function toDto(r: Row): StaffRequestDto {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    details: (r.details ?? {}) as Record<string, unknown>,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
    requestedBy: r.requestedBy?.email ?? r.requesterEmail,
    decidedBy: r.decidedBy?.email ?? null,
    account: r.account
      ? { id: r.account.id, name: r.account.name, number: formatAccountNumber(r.account.number), maxSubaccounts: r.account.maxSubaccounts, subaccounts: r.account._count.children }
      : null,
  };
}

export async function listRequests(_staff: StaffContext, filter: { type?: StaffRequestDto["type"]; status?: StaffRequestDto["status"] }): Promise<StaffRequestDto[]> {
  const prisma = await getPrisma();
  const rows = await prisma.staffRequest.findMany({
    where: { type: filter.type, status: filter.status },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    select: SELECT,
  });
  return rows.map(toDto);
}

export async function getRequest(_staff: StaffContext, id: string): Promise<StaffRequestDto> {
  const row = await (await getPrisma()).staffRequest.findUnique({ where: { id }, select: SELECT });
  if (!row) throw new NotFoundError("Request");
  return toDto(row);
}

async function decide(staff: StaffContext, id: string, status: "approved" | "declined", reason: string | null, effect: (tx: Prisma.TransactionClient, request: Row) => Promise<void>) {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const request = await tx.staffRequest.findUnique({ where: { id }, select: SELECT });
    if (!request) throw new NotFoundError("Request");
    const claimed = await tx.staffRequest.updateMany({
      where: { id, status: "pending" },
      data: { status, decisionReason: reason, decidedById: staff.userId, decidedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("This request has already been decided; decisions are final.");
    await effect(tx, request);
    const what = { subaccounts: "more subaccounts", integration: "a listing in the integrations catalog", developer_account: "a developer account" }[request.type];
    const to = request.requestedBy?.email ?? request.requesterEmail;
    // Developer-account decisions send their own email (what was created, or the invitation that follows).
    if (to && request.type !== "developer_account") {
      await requestDecisionEmail(tx, to, { what, approved: status === "approved", reason, accountName: request.account?.name ?? null, path: request.type === "subaccounts" ? "/settings/account/subaccounts" : "/settings/developers/apps" });
    }
    if (request.account) {
      await recordAudit(tx, { ...staff, accountId: request.account.id }, {
        action: status === "approved" ? "request.approved" : "request.declined",
        targetType: "request",
        targetId: id,
        targetLabel: what,
        details: { reason, staff: staff.email },
      });
    }
  });
}

/**
 * Approve: for subaccounts, the account's limit becomes `newLimit` (prefilled with current + requested); for a
 * developer account, the account is created (modules/developer-accounts) in the same transaction.
 */
export async function approveRequest(staff: StaffContext, id: string, newLimit: number, note?: string) {
  return decide(staff, id, "approved", note || null, async (tx, request) => {
    if (request.type === "developer_account") {
      await approveDeveloperRequest(tx, staff, request.id, note || null);
      return;
    }
    if (request.type === "integration") return applyCatalogDecision(tx, request.details, "approved", note || null);
    if (request.type !== "subaccounts" || !request.account) return;
    if (newLimit < request.account._count.children) {
      throw new ValidationError("Please correct the highlighted fields.", { newLimit: [`The account already has ${request.account._count.children} subaccounts`] });
    }
    await tx.account.update({ where: { id: request.account.id }, data: { maxSubaccounts: newLimit } });
  });
}

export async function declineRequest(staff: StaffContext, id: string, reason: string) {
  return decide(staff, id, "declined", reason, async (tx, request) => {
    if (request.type === "developer_account") await declineDeveloperRequest(tx, request.id, reason);
    if (request.type === "integration") await applyCatalogDecision(tx, request.details, "declined", reason);
  });
}
