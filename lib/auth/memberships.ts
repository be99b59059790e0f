/**
 * The accounts a person may act in, with the role in each. Direct memberships come first (oldest first), each
 * followed by its live subaccounts when the person is an owner or admin of it: those act as admins there,
 * "inherited from" the parent (Mailjet's model: one level deep). A direct role in a subaccount that is higher
 * than the inherited one wins. Deleted accounts are left out.
 */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { AccountKind, AccountStatus, Role } from "@/core/generated/prisma/enums";
import { ROLE_RANK } from "./roles";

export type AccountMembership = {
  accountId: string;
  accountName: string;
  accountNumber: number;
  accountKind: AccountKind;
  accountStatus: AccountStatus;
  parentId: string | null;
  role: Role;
  /** Name of the parent account the role comes from, for inherited admin rights; null for a direct membership. */
  inheritedFrom: string | null;
};

/** Who is acting, in which account, with which role: every data function takes one. */
export type ActorContext = {
  userId: string;
  email: string;
  accountId: string;
  accountName: string;
  accountNumber: number;
  accountKind: AccountKind;
  accountStatus: AccountStatus;
  /** Set in a subaccount: its parent account's id. */
  parentId: string | null;
  role: Role;
  /** For admin rights inherited from the parent account: the parent's name; null for a direct membership. */
  inheritedFrom: string | null;
  ip: string | null;
  userAgent: string | null;
  /** This browser's server-side session (lib/auth/sessions.ts), when acting through one. */
  sessionId?: string;
};

type RequestInfo = { ip: string | null; userAgent: string | null };

const RANK = ROLE_RANK;
const ACCOUNT = { id: true, name: true, number: true, kind: true, status: true, parentId: true, deletedAt: true } as const;

export async function listMemberships(userId: string): Promise<{ email: string; staff: boolean; memberships: AccountMembership[] } | null> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      staff: true,
      memberships: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          role: true,
          account: { select: { ...ACCOUNT, children: { where: { deletedAt: null }, orderBy: { number: "asc" }, select: ACCOUNT } } },
        },
      },
    },
  });
  if (!user) return null;
  const byAccount = new Map<string, AccountMembership>();
  const put = (m: AccountMembership) => {
    const existing = byAccount.get(m.accountId);
    if (!existing || RANK[m.role] > RANK[existing.role]) byAccount.set(m.accountId, existing ? { ...m } : m);
  };
  const of = (a: { id: string; name: string; number: number; kind: AccountKind; status: AccountStatus; parentId: string | null }) => ({
    accountId: a.id,
    accountName: a.name,
    accountNumber: a.number,
    accountKind: a.kind,
    accountStatus: a.status,
    parentId: a.parentId,
  });
  for (const m of user.memberships) {
    if (m.account.deletedAt) continue;
    put({ ...of(m.account), role: m.role, inheritedFrom: null });
    if ((m.role === "owner" || m.role === "admin") && m.account.parentId === null) {
      for (const child of m.account.children) put({ ...of(child), role: "admin", inheritedFrom: m.account.name });
    }
  }
  // Keep each parent's subaccounts right after it, whatever order the direct memberships came in.
  const ordered = [...byAccount.values()].filter((m) => !m.parentId || !byAccount.has(m.parentId));
  const result: AccountMembership[] = [];
  for (const m of ordered) {
    result.push(m);
    for (const child of byAccount.values()) if (child.parentId === m.accountId) result.push(child);
  }
  return { email: user.email, staff: user.staff, memberships: result };
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
    accountNumber: chosen.accountNumber,
    accountKind: chosen.accountKind,
    accountStatus: chosen.accountStatus,
    parentId: chosen.parentId,
    role: chosen.role,
    inheritedFrom: chosen.inheritedFrom,
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 300) ?? null,
  };
}

