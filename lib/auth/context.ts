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
import { clientIpFrom } from "@/core/net/client-ip";
import { UnauthenticatedError } from "@/lib/errors";
import { listMemberships, loadActorContext, type AccountMembership, type ActorContext } from "./memberships";

export { listMemberships, loadActorContext, type AccountMembership, type ActorContext };

/** Holds the id of the account the user chose; a preference, validated on every request. */
export const ACTIVE_ACCOUNT_COOKIE = "dc_account";


type RequestInfo = { ip: string | null; userAgent: string | null };
/** The signed-in user and session for this request (checked against the database by auth.ts), or null. */
export const getSession = cache(async (): Promise<{ userId: string; sessionId?: string } | null> => {
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
