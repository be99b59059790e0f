/** Accounts and data that single specs own (see users.ts), seeded before the server starts. */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { loadActorContext, type ActorContext } from "@/lib/auth/memberships";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createSubaccount } from "@/modules/subaccounts/data/mutations";
import { createApiKeySchema } from "@/modules/api-keys/schema";
import { DEMO_PASSWORD } from "@/scripts/seed-demo";
import { E2E_USERS } from "./users";
import { seedKeysPageFixtures } from "./keys-page-seed";


async function ownerOf(prisma: PrismaClient, accountName: string, email: string, passwordHash: string): Promise<ActorContext> {
  const account = await prisma.account.create({ data: { name: accountName } });
  const user = await prisma.user.create({
    data: { email, passwordHash, memberships: { create: { accountId: account.id, role: "owner" } } },
  });
  await prisma.mailing.create({ data: { accountId: account.id, name: `${accountName} welcome` } });
  return (await loadActorContext(user.id, { ip: null, userAgent: "e2e seed" }, account.id))!;
}

export async function seedE2eFixtures(prisma: PrismaClient): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const limits = await ownerOf(prisma, "Limits Inc.", E2E_USERS.limits, passwordHash);
  // 14 of 15: the spec creates the 15th through the UI and then sees the 16th refused.
  for (let i = 1; i <= 14; i++) {
    await createApiKey(limits, createApiKeySchema.parse({
      name: `Existing key ${i}`, description: "", scopes: ["subscribers"], permissions: [], allowedIps: "", expiresOn: "", defaultMailingId: "",
    }));
  }
  await ownerOf(prisma, "Lifecycle GmbH", E2E_USERS.lifecycle, passwordHash);
  await ownerOf(prisma, "Throttle LLC", E2E_USERS.throttle, passwordHash);
  await ownerOf(prisma, "Api Co", E2E_USERS.api, passwordHash);
  const alpha = await ownerOf(prisma, "Switch Alpha", E2E_USERS.alphaOwner, passwordHash);
  await createApiKey(alpha, createApiKeySchema.parse({
    name: "Alpha key", description: "", scopes: ["subscribers"], permissions: [], allowedIps: "", expiresOn: "", defaultMailingId: "",
  }));
  await ownerOf(prisma, "Revoke Co", E2E_USERS.revocation, passwordHash);
  await ownerOf(prisma, "Tree Co", E2E_USERS.tree, passwordHash);
  const limitParent = await ownerOf(prisma, "Limit Parent Co", E2E_USERS.limitParent, passwordHash);
  for (const name of ["Brand one", "Brand two", "Brand three"]) await createSubaccount(limitParent, { name, firstKey: null });
  const sessionsCo = await ownerOf(prisma, "Sessions Co", E2E_USERS.sessions, passwordHash);
  await prisma.user.create({ data: { email: E2E_USERS.password, passwordHash, memberships: { create: { accountId: sessionsCo.accountId, role: "developer" } } } });
  await ownerOf(prisma, "Team Co", E2E_USERS.team, passwordHash);
  await ownerOf(prisma, "Existing Co", E2E_USERS.teamExisting, passwordHash);
  const profileCo = await ownerOf(prisma, "Profile Co", E2E_USERS.profile, passwordHash);
  const leaveCo = await prisma.account.create({ data: { name: "Leave Co" } });
  await prisma.membership.create({ data: { accountId: leaveCo.id, userId: profileCo.userId, role: "viewer" } });
  await seedKeysPageFixtures(prisma, passwordHash);
  await ownerOf(prisma, "OAuth Dev Co", E2E_USERS.oauthDev, passwordHash);
  await ownerOf(prisma, "OAuth Customer Co", E2E_USERS.oauthCustomer, passwordHash);
  const beta = await prisma.account.create({ data: { name: "Switch Beta" } });
  await prisma.user.create({
    data: {
      email: E2E_USERS.switcher,
      passwordHash,
      memberships: { create: [{ accountId: alpha.accountId, role: "admin", createdAt: new Date(Date.now() - 60_000) }, { accountId: beta.id, role: "developer" }] },
    },
  });
  return "Seeded e2e fixtures: Limits Inc. (14 keys), Lifecycle GmbH, Throttle LLC, Api Co, Switch Alpha (1 key) and Switch Beta, Sessions Co, Revoke Co, Tree Co, Limit Parent Co (3 subaccounts), Team Co, Existing Co, Profile Co and Leave Co, Findable Co (4 keys), Phone Co, Forms Co, OAuth Dev Co, OAuth Customer Co";
}
