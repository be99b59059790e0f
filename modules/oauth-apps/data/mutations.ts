/**
 * OAuth-app writes, each in one transaction with its audit event, every read and write scoped by the actor's
 * account (a foreign id is "not found"). Deleting revokes every token at once (change event + local refresh).
 */
import "server-only";
import { Prisma } from "@/core/generated/prisma/client";
import { refreshLocalOAuth } from "@/core/events";
import { revokeClientTokens } from "@/core/oauth/revoke";
import { generateClientId, issueClientSecret } from "@/core/oauth/tokens";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { SECRET_GRACE, type AppInput } from "../schema";
import type { IssuedAppSecret, OAuthAppDto } from "../types";
import { appSelect, toAppDto } from "./queries";

type Tx = Prisma.TransactionClient;

export const WHITELABEL_NO_APPS = "A whitelabel account cannot register apps. Request a developer account and register them there.";

const nameTaken = () => new ValidationError("Please correct the highlighted fields.", { name: ["This account already has an app with this name. Choose another name."] });

function manage(ctx: ActorContext) {
  assertCan(ctx, "oauthApps.manage");
  if (ctx.accountStatus === "suspended") throw new ForbiddenError("This account is suspended.");
}

/** One transaction per change; the unique (account, name) index turns a race into the same field error. */
export async function changeApp<T>(ctx: ActorContext, run: (tx: Tx) => Promise<T>): Promise<T> {
  manage(ctx);
  const prisma = await getPrisma();
  return prisma.$transaction(run, { maxWait: 15_000, timeout: 15_000 }).catch((e: unknown) => {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw nameTaken();
    throw e;
  });
}

export async function findOwnApp(tx: Tx, ctx: ActorContext, id: string) {
  const app = await tx.oAuthClient.findFirst({ where: { id, accountId: ctx.accountId }, select: appSelect });
  if (!app) throw new NotFoundError("App");
  return app;
}

async function audit(tx: Tx, ctx: ActorContext, action: string, app: { id: string; clientId: string; name: string }, details: Prisma.InputJsonValue = {}) {
  await recordAudit(tx, ctx, { action, targetType: "oauth_app", targetId: app.id, targetLabel: app.clientId, details: { name: app.name, ...(details as object) } });
}

export async function createApp(ctx: ActorContext, input: AppInput): Promise<IssuedAppSecret> {
  const secret = issueClientSecret();
  return changeApp(ctx, async (tx) => {
    // From the database, not the session: a replayed request from a whitelabel account is refused too.
    const account = await tx.account.findUnique({ where: { id: ctx.accountId }, select: { kind: true } });
    if (account?.kind === "whitelabel") throw new ForbiddenError(WHITELABEL_NO_APPS);
    const app = await tx.oAuthClient.create({
      data: { ...input, accountId: ctx.accountId, clientId: generateClientId(), secretHash: secret.hash, secretLast5: secret.last5, createdById: ctx.userId },
      select: appSelect,
    });
    await audit(tx, ctx, "oauth_app.created", app, { grantTypes: input.grantTypes });
    return { app: toAppDto(app), clientSecret: secret.plaintext };
  });
}

export async function updateApp(ctx: ActorContext, id: string, input: AppInput): Promise<OAuthAppDto> {
  return changeApp(ctx, async (tx) => {
    await findOwnApp(tx, ctx, id);
    // Switching the password grant off is part of the grant types; switching it on is a separate, warned step.
    const allowPassword = input.grantTypes.includes("password") ? undefined : false;
    const app = await tx.oAuthClient.update({ where: { id }, data: { ...input, ...(allowPassword === false ? { allowPasswordGrant: false } : {}) }, select: appSelect });
    await audit(tx, ctx, "oauth_app.updated", app, { fields: Object.keys(input) });
    return toAppDto(app);
  });
}

export async function setPasswordGrant(ctx: ActorContext, id: string, enabled: boolean): Promise<OAuthAppDto> {
  return changeApp(ctx, async (tx) => {
    const current = await findOwnApp(tx, ctx, id);
    const grantTypes = enabled ? [...new Set([...current.grantTypes, "password"])] : current.grantTypes.filter((g) => g !== "password");
    const app = await tx.oAuthClient.update({ where: { id }, data: { allowPasswordGrant: enabled, grantTypes }, select: appSelect });
    await audit(tx, ctx, "oauth_app.updated", app, { passwordGrant: enabled });
    return toAppDto(app);
  });
}

export async function resetAppSecret(ctx: ActorContext, id: string, grace: keyof typeof SECRET_GRACE): Promise<IssuedAppSecret> {
  const secret = issueClientSecret();
  return changeApp(ctx, async (tx) => {
    const current = await tx.oAuthClient.findFirst({ where: { id, accountId: ctx.accountId }, select: { secretHash: true } });
    if (!current) throw new NotFoundError("App");
    const graceMs = SECRET_GRACE[grace];
    const app = await tx.oAuthClient.update({
      where: { id },
      data: {
        secretHash: secret.hash,
        secretLast5: secret.last5,
        secretRotatedAt: new Date(),
        previousSecretHash: graceMs > 0 ? current.secretHash : null,
        previousSecretExpiresAt: graceMs > 0 ? new Date(Date.now() + graceMs) : null,
      },
      select: appSelect,
    });
    await audit(tx, ctx, "oauth_app.secret_reset", app, { grace });
    return { app: toAppDto(app), clientSecret: secret.plaintext };
  });
}

export async function deleteApp(ctx: ActorContext, id: string, confirmName: string): Promise<{ id: string }> {
  const change = await changeApp(ctx, async (tx) => {
    const app = await findOwnApp(tx, ctx, id);
    if (confirmName !== app.name) throw new ValidationError("Please correct the highlighted fields.", { confirmName: ["Type the app's name exactly"] });
    const c = await revokeClientTokens(tx, app.id);
    await tx.oAuthClient.delete({ where: { id: app.id } });
    await audit(tx, ctx, "oauth_app.deleted", app);
    return c;
  });
  await refreshLocalOAuth(change);
  return { id };
}
