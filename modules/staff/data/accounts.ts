/** The staff accounts directory: find an account by name or by its number ("m1234"). */
import "server-only";
import { formatAccountNumber, parseAccountNumber } from "@/core/account-number";
import { getPrisma } from "@/core/registry";
import type { StaffContext } from "@/lib/auth/staff";
import type { StaffAccountDto } from "../types";

export async function searchAccounts(_staff: StaffContext, query: string): Promise<StaffAccountDto[]> {
  const prisma = await getPrisma();
  const number = parseAccountNumber(query);
  const rows = await prisma.account.findMany({
    where: query === "" ? {} : { OR: [{ name: { contains: query, mode: "insensitive" } }, ...(number !== null ? [{ number }] : [])] },
    orderBy: { number: "asc" },
    take: 100,
    select: {
      id: true,
      number: true,
      name: true,
      kind: true,
      status: true,
      deletedAt: true,
      parent: { select: { name: true, number: true } },
      _count: { select: { memberships: true, apiKeys: true, children: { where: { deletedAt: null } }, requests: { where: { status: "pending" } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    number: formatAccountNumber(r.number),
    name: r.name,
    kind: r.kind,
    status: r.status,
    deleted: r.deletedAt !== null,
    parent: r.parent ? { name: r.parent.name, number: formatAccountNumber(r.parent.number) } : null,
    members: r._count.memberships,
    keysUsed: r._count.apiKeys,
    subaccounts: r._count.children,
    openRequests: r._count.requests,
  }));
}
