import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/auth";
import { getPrisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { UnauthenticatedError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";

/** Who is acting, in which account, with which role: every data function takes one of these. */
export type ActorContext = {
  userId: string;
  email: string;
  accountId: string;
  accountName: string;
  role: Role;
  ip: string | null;
  userAgent: string | null;
};

/** Loads the membership from the database each request: a role change or removal takes effect at once. */
export async function loadActorContext(
  userId: string,
  request: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
  accountId?: string,
): Promise<ActorContext | null> {
  const prisma = await getPrisma();
  const membership = await prisma.membership.findFirst({
    where: { userId, ...(accountId ? { accountId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { role: true, user: { select: { email: true } }, account: { select: { id: true, name: true } } },
  });
  if (!membership) return null;
  return {
    userId,
    email: membership.user.email,
    accountId: membership.account.id,
    accountName: membership.account.name,
    role: membership.role,
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 300) ?? null,
  };
}

/** The signed-in user's context for this request, or null. Cached per request. */
export const getActorContext = cache(async (): Promise<ActorContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const h = await headers();
  return loadActorContext(userId, { ip: clientIpFrom(h), userAgent: h.get("user-agent") });
});

export async function requireActor(): Promise<ActorContext> {
  const ctx = await getActorContext();
  if (!ctx) throw new UnauthenticatedError();
  return ctx;
}
