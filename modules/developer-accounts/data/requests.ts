/**
 * Requests from a signed-in account (staging, whitelabel): validated again here with the account's own name and
 * number, then written with the staff request that puts it in the queue and the audit event, in one transaction.
 * One pending developer-account request per account (the staff queue's partial unique index).
 */
import "server-only";
import { z } from "zod";
import { formatAccountNumber } from "@/core/account-number";
import { Prisma } from "@/core/generated/prisma/client";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { developerRequestSchema, type DeveloperRequestInput } from "../schema";

export function assertMayRequest(ctx: ActorContext) {
  assertCan(ctx, "developerAccounts.request");
  if (ctx.accountKind === "developer") throw new ForbiddenError("A developer account cannot request developer accounts. Switch to your main account.");
}

/** What staff see in the queue: a snapshot of the request as it was sent. */
export function staffDetails(input: DeveloperRequestInput, mainAccount: { name: string; number: number } | null): Prisma.InputJsonValue {
  return {
    useCase: input.useCase, company: input.company, contactName: input.contactName, contactEmail: input.contactEmail,
    description: input.description, platform: input.platform || null, website: input.website || null,
    mainAccount: mainAccount ? `${mainAccount.name} (${formatAccountNumber(mainAccount.number)})` : null,
  };
}

export async function requestDeveloperAccount(ctx: ActorContext, raw: DeveloperRequestInput): Promise<{ id: string }> {
  assertMayRequest(ctx);
  const parsed = developerRequestSchema({ name: ctx.accountName, number: ctx.accountNumber }).safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError("Please correct the highlighted fields.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  const input = parsed.data;
  const prisma = await getPrisma();
  return prisma
    .$transaction(async (tx) => {
      const staff = await tx.staffRequest.create({
        data: { type: "developer_account", accountId: ctx.accountId, requestedById: ctx.userId, requesterEmail: ctx.email, details: staffDetails(input, { name: ctx.accountName, number: ctx.accountNumber }) },
        select: { id: true },
      });
      const request = await tx.developerAccountRequest.create({
        data: {
          useCase: input.useCase, status: "pending", company: input.company, contactName: input.contactName, contactEmail: input.contactEmail,
          description: input.description, platform: input.platform || null, website: input.website || null,
          mainAccountId: ctx.accountId, requestedById: ctx.userId, staffRequestId: staff.id, ip: ctx.ip, confirmedAt: new Date(),
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, { action: "developer_request.created", targetType: "request", targetId: staff.id, targetLabel: input.company, details: { useCase: input.useCase } });
      return request;
    })
    .catch((e: unknown) => {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("A developer account request from this account is already waiting for staff.");
      throw e;
    });
}
