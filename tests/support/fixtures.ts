import crypto from "node:crypto";
import { getPrisma } from "@/core/registry";
import { loadActorContext, type ActorContext } from "@/lib/auth/memberships";
import type { Role } from "@/core/generated/prisma/enums";
import { createApiKeySchema, emptyApiKeyForm, type ApiKeyFormValues } from "@/modules/api-keys/schema";

/** A valid form as the dashboard would submit it: the empty form plus a name and one scope. */
export function keyFormValues(overrides: Partial<ApiKeyFormValues> = {}): ApiKeyFormValues {
  return { ...emptyApiKeyForm, name: "From the dashboard", scopes: ["subscribers"], ...overrides };
}

export const ROLES: Role[] = ["owner", "admin", "developer", "viewer"];

export type TestAccount = { accountId: string; name: string; ctx: Record<Role, ActorContext>; mailingId: string };

/** A fresh account with one member per role (unique names, so tests never share data). */
export async function createTestAccount(label = "Test", maxApiKeys = 15): Promise<TestAccount> {
  const prisma = await getPrisma();
  const tag = crypto.randomBytes(4).toString("hex");
  const name = `${label} ${tag}`;
  const account = await prisma.account.create({ data: { name, maxApiKeys } });
  const mailing = await prisma.mailing.create({ data: { accountId: account.id, name: `Welcome ${tag}` } });
  const ctx = {} as Record<Role, ActorContext>;
  for (const role of ROLES) {
    const email = `${role}-${tag}@example.test`;
    const user = await prisma.user.create({
      data: { email, passwordHash: "not-used", memberships: { create: { accountId: account.id, role } } },
    });
    ctx[role] = (await loadActorContext(user.id, { ip: "198.51.100.7", userAgent: "vitest" }, account.id))!;
  }
  return { accountId: account.id, name, ctx, mailingId: mailing.id };
}

export function keyInput(overrides: Partial<ApiKeyFormValues> = {}) {
  return createApiKeySchema.parse(keyFormValues({ name: `Key ${crypto.randomBytes(3).toString("hex")}`, ...overrides }));
}

/**
 * Every column of the account, its keys (hashes included), memberships, invitations, API users and subaccounts,
 * plus its audit event ids: compare before/after.
 */
export async function snapshotAccount(accountId: string) {
  const prisma = await getPrisma();
  const [account, keys, memberships, invitations, apiUsers, events, subaccounts] = await Promise.all([
    prisma.account.findUniqueOrThrow({ where: { id: accountId } }),
    prisma.apiKey.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    prisma.membership.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    prisma.invitation.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    prisma.apiUser.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ where: { accountId }, orderBy: { id: "asc" }, select: { id: true } }),
    prisma.account.findMany({ where: { parentId: accountId }, orderBy: { id: "asc" } }),
  ]);
  return { account, keys, memberships, invitations, apiUsers, subaccounts, auditEventIds: events.map((e) => e.id) };
}

/** All audit events of an account, every column, oldest first. */
export async function auditEventsOf(accountId: string) {
  const prisma = await getPrisma();
  return prisma.auditEvent.findMany({ where: { accountId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The raw ApiKey row (hashes included), or null. */
export async function keyRow(id: string) {
  const prisma = await getPrisma();
  return prisma.apiKey.findUnique({ where: { id } });
}

/** Splits `dc_….secret` into its two parts. */
export function splitKey(plaintextKey: string): { keyId: string; secret: string } {
  const dot = plaintextKey.indexOf(".");
  return { keyId: plaintextKey.slice(0, dot), secret: plaintextKey.slice(dot + 1) };
}
