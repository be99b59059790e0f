/**
 * Switching the active account: only into an account the user is a member of (read from the database, never
 * from the request), audited in the account switched into. The cookie is then only a preference that
 * lib/auth/context.ts validates again on every request.
 */
import "server-only";
import { cookies } from "next/headers";
import { getPrisma } from "@/core/registry";
import { recordAudit } from "@/lib/audit";
import { ACTIVE_ACCOUNT_COOKIE, listMemberships, type ActorContext, type AccountMembership } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export async function switchActiveAccount(ctx: ActorContext, accountId: string): Promise<AccountMembership> {
  const found = await listMemberships(ctx.userId);
  const target = found?.memberships.find((m) => m.accountId === accountId);
  if (!target) throw new NotFoundError("Account");
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, { ...ctx, accountId: target.accountId }, {
      action: "account.switched",
      targetType: "account",
      targetId: target.accountId,
      targetLabel: target.accountName,
      details: { from: ctx.accountId },
    }),
  );
  const secure = process.env.AUTH_URL?.startsWith("https://") === true;
  (await cookies()).set(ACTIVE_ACCOUNT_COOKIE, target.accountId, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: ONE_YEAR_S });
  return target;
}
