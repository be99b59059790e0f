/**
 * Subaccount changes, made from the parent account by its owners and admins. Every write is scoped to the
 * parent's own live subaccounts ({ id, parentId, deletedAt: null }); the limit is held under a lock on the parent
 * row; account changes NOTIFY so every instance's key cache answers ACCOUNT_SUSPENDED / 401 at once.
 */
import "server-only";
import { formatAccountNumber } from "@/core/account-number";
import { announceAccountChange, refreshLocalAccount, refreshLocalKeyCache } from "@/core/events";
import { Prisma } from "@/core/generated/prisma/client";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { AppError, ForbiddenError, LimitError, NotFoundError, ValidationError } from "@/lib/errors";
import { insertApiKey } from "@/modules/api-keys/public";
import type { IssuedKey } from "@/modules/api-keys/types";
import type { z } from "zod";
import type { createSubaccountSchema, requestMoreSchema } from "../schema";

type Tx = Prisma.TransactionClient;
const TX = { maxWait: 15_000, timeout: 15_000 };
const label = (a: { name: string; number: number }) => `${a.name} (${formatAccountNumber(a.number)})`;
const nameTaken = (name: string) =>
  new ValidationError("Please correct the highlighted fields.", { name: [`There is already a subaccount named “${name}”.`] });

function assertParent(ctx: ActorContext) {
  assertCan(ctx, "subaccounts.manage");
  if (ctx.parentId !== null) throw new ForbiddenError("A subaccount cannot have subaccounts. Switch to the parent account to manage them.");
  // Whitelabel and developer accounts never have subaccounts (nor ask staff for more).
  if (ctx.accountKind !== "standard") throw new ForbiddenError("Only standard accounts can have subaccounts.");
}

async function ownSubaccount(tx: Tx, ctx: ActorContext, id: string) {
  const sub = await tx.account.findFirst({ where: { id, parentId: ctx.accountId, deletedAt: null }, select: { id: true, name: true, number: true, status: true } });
  if (!sub) throw new NotFoundError("Subaccount");
  return sub;
}

async function audit(tx: Tx, ctx: ActorContext, sub: { id: string; name: string; number: number }, action: string, details: Prisma.InputJsonValue = {}) {
  const event = { action, targetType: "account", targetId: sub.id, targetLabel: label(sub), details };
  await recordAudit(tx, ctx, event); // the parent's trail
  await recordAudit(tx, { ...ctx, accountId: sub.id }, event); // and the subaccount's own
}

function uniqueName(name: string) {
  return (e: unknown): never => {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw nameTaken(name);
    throw e;
  };
}

export async function createSubaccount(ctx: ActorContext, input: z.output<typeof createSubaccountSchema>) {
  assertParent(ctx);
  const prisma = await getPrisma();
  const { sub, issued } = await prisma
    .$transaction(async (tx) => {
      const [parent] = await tx.$queryRaw<{ maxSubaccounts: number; kind: string }[]>`
        SELECT "maxSubaccounts", "kind"::text AS "kind" FROM "Account" WHERE "id" = ${ctx.accountId} AND "deletedAt" IS NULL FOR UPDATE`;
      if (!parent) throw new NotFoundError("Account");
      if (parent.kind !== "standard") throw new ForbiddenError("Only standard accounts can have subaccounts.");
      const used = await tx.account.count({ where: { parentId: ctx.accountId, deletedAt: null } });
      if (used >= parent.maxSubaccounts) {
        throw new LimitError(`This account has ${used} of ${parent.maxSubaccounts} subaccounts. Ask for more to create another.`);
      }
      const clash = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Account" WHERE "parentId" = ${ctx.accountId} AND "deletedAt" IS NULL AND lower("name") = lower(${input.name}) LIMIT 1`;
      if (clash.length) throw nameTaken(input.name);
      const sub = await tx.account.create({ data: { name: input.name, parentId: ctx.accountId }, select: { id: true, name: true, number: true } });
      await audit(tx, ctx, sub, "subaccount.created");
      let issued: { keyId: string; result: IssuedKey } | null = null;
      if (input.firstKey) {
        const subCtx: ActorContext = { ...ctx, accountId: sub.id, accountName: sub.name, accountNumber: sub.number, parentId: ctx.accountId, role: "admin", inheritedFrom: ctx.accountName, accountStatus: "active", accountKind: "standard" };
        issued = await insertApiKey(tx, subCtx, input.firstKey).catch((e: unknown) => {
          // The key's own field errors name the key form's fields: keep them apart from the subaccount's "name".
          if (e instanceof ValidationError && e.fieldErrors) {
            throw new ValidationError(e.message, Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [`firstKey.${k}`, v])));
          }
          throw e;
        });
      }
      return { sub, issued };
    }, TX)
    .catch(uniqueName(input.name));
  if (issued) await refreshLocalKeyCache(issued.keyId);
  return { id: sub.id, number: formatAccountNumber(sub.number), name: sub.name, key: issued?.result ?? null };
}

async function changeSubaccount(ctx: ActorContext, id: string, change: (tx: Tx, sub: Awaited<ReturnType<typeof ownSubaccount>>) => Promise<void>) {
  assertParent(ctx);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const sub = await ownSubaccount(tx, ctx, id);
    await change(tx, sub);
    await announceAccountChange(tx, sub.id);
  }, TX);
  await refreshLocalAccount(id);
}

export async function renameSubaccount(ctx: ActorContext, id: string, name: string) {
  return changeSubaccount(ctx, id, async (tx, sub) => {
    const clash = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Account" WHERE "parentId" = ${ctx.accountId} AND "deletedAt" IS NULL AND lower("name") = lower(${name}) AND "id" <> ${id} LIMIT 1`;
    if (clash.length) throw nameTaken(name);
    await tx.account.updateMany({ where: { id, parentId: ctx.accountId, deletedAt: null }, data: { name } });
    await audit(tx, ctx, { ...sub, name }, "subaccount.renamed", { from: sub.name });
  }).catch(uniqueName(name));
}

export async function setSubaccountSuspended(ctx: ActorContext, id: string, suspended: boolean) {
  return changeSubaccount(ctx, id, async (tx, sub) => {
    await tx.account.updateMany({ where: { id, parentId: ctx.accountId, deletedAt: null }, data: { status: suspended ? "suspended" : "active" } });
    await audit(tx, ctx, sub, suspended ? "subaccount.suspended" : "subaccount.resumed");
  });
}

/** Soft delete: its keys and memberships go at once; the row and its audit trail stay readable for the parent. */
export async function deleteSubaccount(ctx: ActorContext, id: string, confirmName: string) {
  return changeSubaccount(ctx, id, async (tx, sub) => {
    if (confirmName.trim() !== sub.name) {
      throw new ValidationError("The name you typed does not match.", { confirmName: [`Type “${sub.name}” to confirm`] });
    }
    const keys = await tx.apiKey.deleteMany({ where: { accountId: sub.id } });
    const members = await tx.membership.deleteMany({ where: { accountId: sub.id } });
    await tx.account.updateMany({ where: { id, parentId: ctx.accountId, deletedAt: null }, data: { deletedAt: new Date() } });
    await audit(tx, ctx, sub, "subaccount.deleted", { keys: keys.count, members: members.count });
  });
}

export async function requestMoreSubaccounts(ctx: ActorContext, input: z.output<typeof requestMoreSchema>) {
  assertParent(ctx);
  const prisma = await getPrisma();
  return prisma
    .$transaction(async (tx) => {
      const account = await tx.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: { maxSubaccounts: true, name: true, number: true } });
      const request = await tx.staffRequest.create({
        data: { type: "subaccounts", accountId: ctx.accountId, requestedById: ctx.userId, requesterEmail: ctx.email, details: { ...input, currentLimit: account.maxSubaccounts } },
        select: { id: true },
      });
      await recordAudit(tx, ctx, { action: "request.created", targetType: "request", targetId: request.id, targetLabel: `${input.count} more subaccounts`, details: { count: input.count } });
      return request;
    }, TX)
    .catch((e: unknown) => {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("A request for more subaccounts is already waiting for staff.");
      throw e;
    });
}
