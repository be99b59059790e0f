/**
 * Who is acting, in which account, with which role: every data function takes an ActorContext.
 *
 * The active account is the user's choice, kept in a cookie (ACTIVE_ACCOUNT_COOKIE) that holds an account id.
 * The cookie is only a preference: it is matched against the user's memberships, read from the database on
 * every request, so an id the user has no membership in is ignored (never trusted) and the oldest membership
 * is used instead. A role change or removal takes effect on the next request.
 */
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { auth } from "@/auth";
import { getPrisma } from "@/core/registry";
import type { Role } from "@/core/generated/prisma/enums";
import { clientIpFrom } from "@/core/net/client-ip";
import { UnauthenticatedError } from "@/lib/errors";

/** Holds the id of the account the user chose; a preference, validated on every request. */
export const ACTIVE_ACCOUNT_COOKIE = "dc_account";

export type ActorContext = {
  userId: string;
  email: string;
  accountId: string;
  accountName: string;
  role: Role;
  ip: string | null;
  userAgent: string | null;
  /** This browser's server-side session (lib/auth/sessions.ts), when acting through one. */
  sessionId?: string;
};

/** One account the user belongs to, as the switcher lists it. */
export type AccountMembership = { accountId: string; accountName: string; role: Role };

type RequestInfo = { ip: string | null; userAgent: string | null };

export async function listMemberships(userId: string): Promise<{ email: string; memberships: AccountMembership[] } | null> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      memberships: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { role: true, account: { select: { id: true, name: true } } },
      },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    memberships: user.memberships.map((m) => ({ accountId: m.account.id, accountName: m.account.name, role: m.role })),
  };
}

/** The context in `preferredAccountId` if the user is a member there, else in the user's oldest membership. */
export async function loadActorContext(
  userId: string,
  request: RequestInfo = { ip: null, userAgent: null },
  preferredAccountId?: string | null,
): Promise<ActorContext | null> {
  const found = await listMemberships(userId);
  if (!found || found.memberships.length === 0) return null;
  const chosen = found.memberships.find((m) => m.accountId === preferredAccountId) ?? found.memberships[0]!;
  return {
    userId,
    email: found.email,
    accountId: chosen.accountId,
    accountName: chosen.accountName,
    role: chosen.role,
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 300) ?? null,
  };
}

/** The signed-in user and session for this request (checked against the database by auth.ts), or null. */
const getSession = cache(async (): Promise<{ userId: string; sessionId?: string } | null> => {
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id, sessionId: session.sessionId } : null;
});

/**
 * The origin the browser used, for links shown to it (curl examples). The front door removed X-Forwarded-* unless
 * a trusted proxy sent them, and Next sets them for direct requests, so they can be believed here.
 */
export const getRequestOrigin = cache(async (): Promise<string> => {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
});

export const getRequestInfo = cache(async (): Promise<RequestInfo> => {
  const h = await headers();
  return { ip: clientIpFrom(h), userAgent: h.get("user-agent") };
});

/** The signed-in user's context in the active account for this request, or null. Cached per request. */
export const getActorContext = cache(async (): Promise<ActorContext | null> => {
  const session = await getSession();
  if (!session) return null;
  const preferred = (await cookies()).get(ACTIVE_ACCOUNT_COOKIE)?.value ?? null;
  const ctx = await loadActorContext(session.userId, await getRequestInfo(), preferred);
  return ctx && { ...ctx, sessionId: session.sessionId };
});

export async function requireActor(): Promise<ActorContext> {
  const ctx = await getActorContext();
  if (!ctx) throw new UnauthenticatedError();
  return ctx;
}
