/**
 * Invitations: a random single-use token (only its SHA-256 stored) in a link that expires after 7 days; resend
 * replaces the token (the old link dies) and renews the expiry; revoke ends it; accepting is one conditional update
 * (single use, not expired, not revoked) in the same transaction as the membership it creates.
 */
import "server-only";
import crypto from "node:crypto";
import { Prisma } from "@/core/generated/prisma/client";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { ROLE_RANK } from "@/lib/auth/roles";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Role } from "@/core/generated/prisma/enums";
import { invitationEmail } from "./emails";

const DAYS_7 = 7 * 86_400_000;
export const tokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const newToken = () => crypto.randomBytes(32).toString("base64url");

export function assertMayGrant(ctx: ActorContext, role: Role) {
  if (ROLE_RANK[role] > ROLE_RANK[ctx.role]) throw new ForbiddenError(`Only an owner can make someone an owner.`);
}

export async function inviteMember(ctx: ActorContext, email: string, role: Role) {
  assertCan(ctx, "members.manage");
  assertMayGrant(ctx, role);
  const prisma = await getPrisma();
  const token = newToken();
  try {
    await prisma.$transaction(async (tx) => {
      const member = await tx.membership.findFirst({ where: { accountId: ctx.accountId, user: { email } }, select: { id: true } });
      if (member) throw new ValidationError("Please correct the highlighted fields.", { email: [`${email} is already a member of ${ctx.accountName}.`] });
      const invitation = await tx.invitation.create({
        data: { accountId: ctx.accountId, email, role, tokenHash: tokenHash(token), invitedById: ctx.userId, expiresAt: new Date(Date.now() + DAYS_7) },
        select: { id: true },
      });
      await invitationEmail(tx, email, ctx.accountName, ROLE_LABELS[role], ctx.email, token);
      await recordAudit(tx, ctx, { action: "member.invited", targetType: "invitation", targetId: invitation.id, targetLabel: email, details: { role } });
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new ValidationError("Please correct the highlighted fields.", { email: [`${email} already has a pending invitation: resend it below.`] });
    }
    throw e;
  }
}

/**
 * An invitation made by the platform rather than a member (e.g. the owner of a new developer account, invited by
 * staff): written in the caller's transaction with its email, so both exist exactly when the caller's change does.
 */
export async function inviteInTransaction(tx: Prisma.TransactionClient, input: { accountId: string; accountName: string; email: string; role: Role; invitedById: string; inviter: string }) {
  const token = newToken();
  await tx.invitation.create({
    data: { accountId: input.accountId, email: input.email, role: input.role, tokenHash: tokenHash(token), invitedById: input.invitedById, expiresAt: new Date(Date.now() + DAYS_7) },
  });
  await invitationEmail(tx, input.email, input.accountName, ROLE_LABELS[input.role], input.inviter, token);
}

async function openInvitation(ctx: ActorContext, id: string) {
  const prisma = await getPrisma();
  const invitation = await prisma.invitation.findFirst({ where: { id, accountId: ctx.accountId, acceptedAt: null, revokedAt: null }, select: { id: true, email: true, role: true } });
  if (!invitation) throw new NotFoundError("Invitation");
  return invitation;
}

export async function resendInvitation(ctx: ActorContext, id: string) {
  assertCan(ctx, "members.manage");
  const invitation = await openInvitation(ctx, id);
  assertMayGrant(ctx, invitation.role);
  const token = newToken();
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id, accountId: ctx.accountId, acceptedAt: null, revokedAt: null },
      data: { tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + DAYS_7) },
    });
    if (updated.count === 0) throw new NotFoundError("Invitation");
    await invitationEmail(tx, invitation.email, ctx.accountName, ROLE_LABELS[invitation.role], ctx.email, token);
    await recordAudit(tx, ctx, { action: "invitation.resent", targetType: "invitation", targetId: id, targetLabel: invitation.email });
  });
}

export async function revokeInvitation(ctx: ActorContext, id: string) {
  assertCan(ctx, "members.manage");
  const invitation = await openInvitation(ctx, id);
  assertMayGrant(ctx, invitation.role);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { id, accountId: ctx.accountId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "invitation.revoked", targetType: "invitation", targetId: id, targetLabel: invitation.email });
  });
}

export type InvitationView = { email: string; role: Role; accountName: string; userExists: boolean };

/** What the invitation page shows; null for a token that is unknown, used, revoked or expired (one answer for all). */
export async function findInvitation(token: string): Promise<InvitationView | null> {
  if (token.length > 200) return null;
  const prisma = await getPrisma();
  const inv = await prisma.invitation.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, account: { select: { name: true, deletedAt: true } } },
  });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date() || inv.account.deletedAt) return null;
  const user = await prisma.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return { email: inv.email, role: inv.role, accountName: inv.account.name, userExists: user !== null };
}

export type Accepting = { userId: string } | { newUser: { name: string; passwordHash: string } };

/**
 * Accepts for an existing user (whose email must be the invited one) or a new person, created in the same
 * transaction under the invited email: single use, all or nothing. Answers the account joined.
 */
export async function acceptInvitation(token: string, who: Accepting): Promise<{ accountId: string; userId: string }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    let userId: string;
    if ("userId" in who) {
      userId = who.userId;
    } else {
      const invited = await tx.invitation.findUnique({ where: { tokenHash: tokenHash(token) }, select: { email: true } });
      if (!invited) throw new AppError("This invitation is no longer valid. Ask for a new one.");
      userId = (await tx.user.create({ data: { email: invited.email, ...who.newUser }, select: { id: true } })).id;
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const [claimed] = await tx.$queryRaw<{ id: string; accountId: string; role: Role }[]>`
      UPDATE "Invitation" SET "acceptedAt" = now()
      WHERE "tokenHash" = ${tokenHash(token)} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now() AND lower("email") = lower(${user.email})
      RETURNING "id", "accountId", "role"::text AS "role"`;
    if (!claimed) throw new AppError("This invitation is no longer valid. Ask for a new one.");
    await tx.membership.upsert({
      where: { userId_accountId: { userId, accountId: claimed.accountId } },
      create: { userId, accountId: claimed.accountId, role: claimed.role },
      update: {},
    });
    await recordAudit(tx, { accountId: claimed.accountId, userId, email: user.email, ip: null, userAgent: null }, {
      action: "member.joined", targetType: "user", targetId: userId, targetLabel: user.email, details: { role: claimed.role },
    });
    return { accountId: claimed.accountId, userId };
  });
}
