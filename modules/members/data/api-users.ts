/**
 * API users (Dotdigital): a generated user name (`apiuser-<8 base62>@api.<host>`), a description and a password
 * (the people's rule, plus not one of the 10,000 most common), hashed with argon2id. Only owners create, edit,
 * enable/disable and delete them. Each change NOTIFYs, so every instance's API drops its cached credential at once.
 */
import "server-only";
import { announceApiUserChange, refreshLocalApiUser } from "@/core/events";
import type { Prisma } from "@/core/generated/prisma/client";
import { getPrisma } from "@/core/registry";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/core/secrets/common-passwords";
import { randomBase62 } from "@/core/secrets/generate";
import { recordAudit } from "@/lib/audit";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { ApiUserDto } from "../types";

type Tx = Prisma.TransactionClient;
const SELECT = { id: true, username: true, description: true, enabled: true, createdAt: true, lastUsedAt: true, lastUsedIp: true } as const;

export function apiUserDomain(env = process.env): string {
  const host = env.API_USER_DOMAIN || (env.AUTH_URL ? new URL(env.AUTH_URL).hostname : "developers-corner.local");
  return host.startsWith("api.") ? host : `api.${host}`;
}

export const generateApiUsername = () => `apiuser-${randomBase62(8)}@${apiUserDomain()}`;

function assertNotCommon(password: string) {
  if (isCommonPassword(password)) throw new ValidationError("Please correct the highlighted fields.", { password: [COMMON_PASSWORD_MESSAGE] });
}

async function changed(tx: Tx, ctx: ActorContext, action: string, user: { id: string; username: string }, details: Prisma.InputJsonValue = {}) {
  await announceApiUserChange(tx, user.username);
  await recordAudit(tx, ctx, { action, targetType: "api_user", targetId: user.id, targetLabel: user.username, details });
}

export async function createApiUser(ctx: ActorContext, input: { description: string; password: string; enabled: boolean }): Promise<ApiUserDto> {
  assertCan(ctx, "apiUsers.manage");
  assertNotCommon(input.password);
  const passwordHash = await hashPassword(input.password);
  const prisma = await getPrisma();
  const user = await prisma.$transaction(async (tx) => {
    const row = await tx.apiUser.create({
      data: { accountId: ctx.accountId, username: generateApiUsername(), description: input.description, passwordHash, enabled: input.enabled, createdById: ctx.userId },
      select: SELECT,
    });
    await changed(tx, ctx, "api_user.created", row, { enabled: row.enabled });
    return row;
  });
  await refreshLocalApiUser(user.username);
  return user;
}

async function ownApiUser(tx: Tx, ctx: ActorContext, id: string) {
  const row = await tx.apiUser.findFirst({ where: { id, accountId: ctx.accountId }, select: { id: true, username: true, enabled: true } });
  if (!row) throw new NotFoundError("API user");
  return row;
}

export async function updateApiUser(ctx: ActorContext, id: string, input: { description: string; password: string; enabled: boolean }): Promise<void> {
  assertCan(ctx, "apiUsers.manage");
  if (input.password) assertNotCommon(input.password);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const prisma = await getPrisma();
  const username = await prisma.$transaction(async (tx) => {
    const existing = await ownApiUser(tx, ctx, id);
    await tx.apiUser.updateMany({ where: { id, accountId: ctx.accountId }, data: { description: input.description, enabled: input.enabled, ...(passwordHash ? { passwordHash } : {}) } });
    const action = existing.enabled === input.enabled ? "api_user.updated" : input.enabled ? "api_user.enabled" : "api_user.disabled";
    await changed(tx, ctx, action, existing, { passwordChanged: Boolean(passwordHash) });
    return existing.username;
  });
  await refreshLocalApiUser(username);
}

export async function setApiUserEnabled(ctx: ActorContext, id: string, enabled: boolean): Promise<void> {
  assertCan(ctx, "apiUsers.manage");
  const prisma = await getPrisma();
  const username = await prisma.$transaction(async (tx) => {
    const existing = await ownApiUser(tx, ctx, id);
    await tx.apiUser.updateMany({ where: { id, accountId: ctx.accountId }, data: { enabled } });
    await changed(tx, ctx, enabled ? "api_user.enabled" : "api_user.disabled", existing);
    return existing.username;
  });
  await refreshLocalApiUser(username);
}

export async function deleteApiUser(ctx: ActorContext, id: string): Promise<void> {
  assertCan(ctx, "apiUsers.manage");
  const prisma = await getPrisma();
  const username = await prisma.$transaction(async (tx) => {
    const existing = await ownApiUser(tx, ctx, id);
    await tx.apiUser.deleteMany({ where: { id, accountId: ctx.accountId } });
    await changed(tx, ctx, "api_user.deleted", existing);
    return existing.username;
  });
  await refreshLocalApiUser(username);
}
