/**
 * People in the account: who they are, and role changes, removal, leaving, ownership transfer. Every change runs
 * under a lock on the account row and re-reads the actor's own role inside it, so the last owner can never be
 * removed, demoted or leave — on any path, also when two owners demote each other at once. Nobody grants a role
 * above their own; only an owner touches an owner. The affected person gets an email; every change is audited.
 */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { Prisma } from "@/core/generated/prisma/client";
import type { Role } from "@/core/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { loadActorContext } from "@/lib/auth/memberships";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { ROLE_RANK } from "@/lib/auth/roles";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { memberChangedEmail } from "./emails";

type Tx = Prisma.TransactionClient;
const LAST_OWNER = "The account must keep at least one owner. Make someone else an owner first.";

/** Locks the account, then reads the actor's and the target's current roles (never the ones the request began with). */
async function locked(tx: Tx, ctx: ActorContext, targetUserId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${ctx.accountId} FOR UPDATE`;
  const rows = await tx.membership.findMany({
    where: { accountId: ctx.accountId, userId: { in: [ctx.userId, targetUserId] } },
    select: { userId: true, role: true, user: { select: { email: true } } },
  });
  const actor = rows.find((r) => r.userId === ctx.userId);
  const target = rows.find((r) => r.userId === targetUserId);
  if (!target) throw new NotFoundError("Member");
  const owners = await tx.membership.count({ where: { accountId: ctx.accountId, role: "owner" } });
  return { actorRole: actor?.role ?? null, target, owners };
}

function assertMayTouch(actorRole: Role | null, targetRole: Role, newRole?: Role) {
  if (!actorRole || ROLE_RANK[actorRole] < ROLE_RANK.admin) throw new ForbiddenError();
  if (targetRole === "owner" && actorRole !== "owner") throw new ForbiddenError("Only an owner can change or remove an owner.");
  if (newRole && ROLE_RANK[newRole] > ROLE_RANK[actorRole]) throw new ForbiddenError("Only an owner can make someone an owner.");
}

async function change(ctx: ActorContext, run: (tx: Tx) => Promise<void>) {
  const prisma = await getPrisma();
  await prisma.$transaction(run, { maxWait: 15_000, timeout: 15_000 });
}

export async function changeMemberRole(ctx: ActorContext, userId: string, role: Role) {
  assertCan(ctx, "members.manage");
  return change(ctx, async (tx) => {
    const { actorRole, target, owners } = await locked(tx, ctx, userId);
    assertMayTouch(actorRole, target.role, role);
    if (target.role === role) return;
    if (target.role === "owner" && owners <= 1) throw new AppError(LAST_OWNER);
    await tx.membership.updateMany({ where: { accountId: ctx.accountId, userId }, data: { role } });
    await recordAudit(tx, ctx, { action: "member.role_changed", targetType: "user", targetId: userId, targetLabel: target.user.email, details: { from: target.role, to: role } });
    await memberChangedEmail(tx, target.user.email, ctx.accountName, `${ctx.email} changed your role in ${ctx.accountName} from ${ROLE_LABELS[target.role]} to ${ROLE_LABELS[role]}.`);
  });
}

export async function removeMember(ctx: ActorContext, userId: string) {
  assertCan(ctx, "members.manage");
  return change(ctx, async (tx) => {
    const { actorRole, target, owners } = await locked(tx, ctx, userId);
    assertMayTouch(actorRole, target.role);
    if (target.role === "owner" && owners <= 1) throw new AppError(LAST_OWNER);
    await tx.membership.deleteMany({ where: { accountId: ctx.accountId, userId } });
    await recordAudit(tx, ctx, { action: "member.removed", targetType: "user", targetId: userId, targetLabel: target.user.email, details: { role: target.role } });
    await memberChangedEmail(tx, target.user.email, ctx.accountName, `${ctx.email} removed you from ${ctx.accountName}.`);
  });
}

/** Any member may leave an account they belong to directly — except its last owner. */
export async function leaveAccount(ctx: ActorContext) {
  return change(ctx, async (tx) => {
    const { target, owners } = await locked(tx, ctx, ctx.userId).catch(() => {
      throw new AppError("You are not a member of this account yourself (your access is inherited from the parent account).");
    });
    if (target.role === "owner" && owners <= 1) throw new AppError(LAST_OWNER);
    await tx.membership.deleteMany({ where: { accountId: ctx.accountId, userId: ctx.userId } });
    await recordAudit(tx, ctx, { action: "member.left", targetType: "user", targetId: ctx.userId, targetLabel: ctx.email });
  });
}

/**
 * Leave any account one is a direct member of (the profile page), not only the active one: the person's context in
 * that account is loaded afresh, so the same rules apply (never the last owner). Inherited access cannot be left.
 */
export async function leaveAccountById(ctx: ActorContext, accountId: string) {
  const there = await loadActorContext(ctx.userId, { ip: ctx.ip, userAgent: ctx.userAgent }, accountId);
  if (!there || there.accountId !== accountId) throw new NotFoundError("Account");
  return leaveAccount(there);
}

/** The owner hands ownership to another member, who becomes an owner; the previous owner becomes an admin. */
export async function transferOwnership(ctx: ActorContext, userId: string) {
  assertCan(ctx, "members.transferOwnership");
  if (userId === ctx.userId) throw new AppError("Choose another member.");
  return change(ctx, async (tx) => {
    const { actorRole, target } = await locked(tx, ctx, userId);
    if (actorRole !== "owner") throw new ForbiddenError();
    await tx.membership.updateMany({ where: { accountId: ctx.accountId, userId }, data: { role: "owner" } });
    await tx.membership.updateMany({ where: { accountId: ctx.accountId, userId: ctx.userId }, data: { role: "admin" } });
    await recordAudit(tx, ctx, { action: "ownership.transferred", targetType: "user", targetId: userId, targetLabel: target.user.email, details: { from: target.role } });
    await memberChangedEmail(tx, target.user.email, ctx.accountName, `${ctx.email} made you an owner of ${ctx.accountName}; they are now an admin.`);
  });
}
