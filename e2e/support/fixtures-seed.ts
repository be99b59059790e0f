import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/api-keys/mutations";
import { createApiKeySchema } from "@/lib/validation/api-keys";
import { DEMO_PASSWORD } from "@/scripts/seed-demo";

/** Accounts owned by single specs, so no spec depends on another's data. */
export const E2E_USERS = {
  limits: "limits@example.com",
  lifecycle: "lifecycle@example.com",
  throttle: "throttle@example.com",
  api: "api@example.com",
} as const;

async function ownerOf(prisma: PrismaClient, accountName: string, email: string, passwordHash: string): Promise<ActorContext> {
  const account = await prisma.account.create({ data: { name: accountName } });
  const user = await prisma.user.create({
    data: { email, passwordHash, memberships: { create: { accountId: account.id, role: "owner" } } },
  });
  await prisma.mailing.create({ data: { accountId: account.id, name: `${accountName} welcome` } });
  return { userId: user.id, email, accountId: account.id, accountName, role: "owner", ip: null, userAgent: "e2e seed" };
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
  return "Seeded e2e fixtures: Limits Inc. (14 keys), Lifecycle GmbH, Throttle LLC, Api Co";
}
