/**
 * The integrations catalog: the owner submits an app for review (a staff request of type "integration"), staff
 * approve or decline it (applyCatalogDecision, called inside the staff decision's transaction), the owner may
 * withdraw it and staff may unlist it. Only approved apps appear on the public /integrations page.
 */
import "server-only";
import type { Prisma } from "@/core/generated/prisma/client";
import type { ActorContext } from "@/lib/auth/context";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { getPrisma } from "@/core/registry";
import { changeApp, findOwnApp } from "./mutations";

type Tx = Prisma.TransactionClient;

export async function submitForReview(ctx: ActorContext, input: { id: string; website: string; logoUrl: string }): Promise<{ id: string }> {
  return changeApp(ctx, async (tx) => {
    const app = await findOwnApp(tx, ctx, input.id);
    if (!app.description.trim()) {
      throw new ValidationError("Add a description to the app before submitting it: the catalog shows it.", { website: ["The app needs a description first (Edit)"] });
    }
    if (app.catalogStatus === "pending") throw new AppError("This app is already waiting for review.");
    await tx.oAuthClient.update({ where: { id: app.id }, data: { website: input.website, logoUrl: input.logoUrl || null, catalogStatus: "pending", catalogReason: null } });
    const request = await tx.staffRequest.create({
      data: {
        type: "integration",
        accountId: ctx.accountId,
        requestedById: ctx.userId,
        requesterEmail: ctx.email,
        details: { appId: app.id, clientId: app.clientId, name: app.name, description: app.description, developerName: app.developerName, website: input.website, logoUrl: input.logoUrl || null },
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "oauth_app.submitted", targetType: "oauth_app", targetId: app.id, targetLabel: app.clientId, details: { name: app.name, requestId: request.id } });
    return { id: app.id };
  });
}

/** The owner takes the app out of the catalog (or out of review: the pending request is closed). */
export async function withdrawFromCatalog(ctx: ActorContext, id: string): Promise<{ id: string }> {
  return changeApp(ctx, async (tx) => {
    const app = await findOwnApp(tx, ctx, id);
    if (app.catalogStatus === "none") throw new AppError("This app is not in the catalog.");
    await tx.oAuthClient.update({ where: { id: app.id }, data: { catalogStatus: "none", catalogReason: null } });
    await tx.staffRequest.updateMany({
      where: { type: "integration", accountId: ctx.accountId, status: "pending", details: { path: ["appId"], equals: app.id } },
      data: { status: "declined", decisionReason: "Withdrawn by the owner", decidedAt: new Date() },
    });
    await recordAudit(tx, ctx, { action: "oauth_app.withdrawn", targetType: "oauth_app", targetId: app.id, targetLabel: app.clientId, details: { name: app.name } });
    return { id: app.id };
  });
}

/** Inside a staff decision: the app named in an integration request becomes approved or declined (with the reason). */
export async function applyCatalogDecision(tx: Tx, details: unknown, status: "approved" | "declined", reason: string | null): Promise<void> {
  const appId = (details as { appId?: unknown } | null)?.appId;
  if (typeof appId !== "string") return;
  await tx.oAuthClient.updateMany({ where: { id: appId, catalogStatus: "pending" }, data: { catalogStatus: status, catalogReason: reason } });
}

/** Staff take an approved app off the public page; the owner sees "Unlisted by staff" with the reason. */
export async function unlistFromCatalog(staff: Omit<AuditActor, "accountId">, appId: string, reason: string): Promise<{ id: string }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const app = await tx.oAuthClient.findFirst({ where: { id: appId, catalogStatus: "approved" }, select: { id: true, accountId: true, clientId: true, name: true } });
    if (!app) throw new NotFoundError("Listed app");
    await tx.oAuthClient.update({ where: { id: app.id }, data: { catalogStatus: "declined", catalogReason: `Unlisted by staff: ${reason}` } });
    await recordAudit(tx, { ...staff, accountId: app.accountId }, { action: "oauth_app.unlisted", targetType: "oauth_app", targetId: app.id, targetLabel: app.clientId, details: { name: app.name, reason } });
    return { id: app.id };
  });
}
