/** The account's people (with a subaccount's inherited admins as read-only rows), open invitations and API users. */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { ApiUserDto, TeamDto } from "../types";

export async function listTeam(ctx: ActorContext): Promise<TeamDto> {
  assertCan(ctx, "members.view");
  const prisma = await getPrisma();
  const person = { select: { id: true, name: true, email: true, lastSignInAt: true } } as const;
  const [direct, inherited, invitations] = await Promise.all([
    prisma.membership.findMany({ where: { accountId: ctx.accountId }, orderBy: { createdAt: "asc" }, select: { role: true, createdAt: true, user: person } }),
    ctx.parentId
      ? prisma.membership.findMany({ where: { accountId: ctx.parentId, role: { in: ["owner", "admin"] } }, orderBy: { createdAt: "asc" }, select: { createdAt: true, user: person, account: { select: { name: true } } } })
      : Promise.resolve([]),
    prisma.invitation.findMany({
      where: { accountId: ctx.accountId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { email: true } } },
    }),
  ]);
  const directIds = new Set(direct.map((m) => m.user.id));
  const now = new Date();
  return {
    members: [
      ...direct.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt, lastSignInAt: m.user.lastSignInAt, inheritedFrom: null, isYou: m.user.id === ctx.userId })),
      ...inherited
        .filter((m) => !directIds.has(m.user.id))
        .map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: "admin" as const, joinedAt: m.createdAt, lastSignInAt: m.user.lastSignInAt, inheritedFrom: m.account.name, isYou: m.user.id === ctx.userId })),
    ],
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, invitedBy: i.invitedBy?.email ?? null, createdAt: i.createdAt, expiresAt: i.expiresAt, expired: i.expiresAt <= now })),
  };
}

export async function listApiUsers(ctx: ActorContext): Promise<ApiUserDto[]> {
  assertCan(ctx, "apiUsers.view");
  const prisma = await getPrisma();
  return prisma.apiUser.findMany({
    where: { accountId: ctx.accountId },
    orderBy: { createdAt: "asc" },
    select: { id: true, username: true, description: true, enabled: true, createdAt: true, lastUsedAt: true, lastUsedIp: true },
  });
}
