/** Authorized apps of the active account: Revoke access kills every token of that authorization at once. */
import "server-only";
import { refreshLocalOAuth } from "@/core/events";
import { recordOAuthAudit } from "@/core/oauth/audit";
import { revokeAuthorization } from "@/core/oauth/revoke";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";

export async function revokeAuthorizedApp(ctx: ActorContext, id: string): Promise<{ id: string }> {
  assertCan(ctx, "authorizedApps.revoke");
  const prisma = await getPrisma();
  const change = await prisma.$transaction(async (tx) => {
    const found = await tx.oAuthAuthorization.findFirst({
      where: { id, accountId: ctx.accountId, revokedAt: null },
      select: { id: true, client: { select: { id: true, name: true } } },
    });
    if (!found) throw new NotFoundError("Authorized app");
    const c = await revokeAuthorization(tx, found.id);
    await recordOAuthAudit(tx, { accountId: ctx.accountId, actorId: ctx.userId, actorEmail: ctx.email, action: "oauth.revoked", clientDbId: found.client.id, appName: found.client.name, ip: ctx.ip, details: { by: "account" } });
    return c;
  });
  await refreshLocalOAuth(change);
  return { id };
}
