/** Accounts of the keys-page specs: Findable Co's keys (search, filters, sort, rotation, SMTP), Phone Co, Forms Co. */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { loadActorContext } from "@/lib/auth/memberships";
import { createApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createApiKeySchema } from "@/modules/api-keys/schema";
import { E2E_USERS, FINDABLE_LONG_DESCRIPTION } from "./users";

const DAY = 86_400_000;

async function owner(prisma: PrismaClient, name: string, email: string, passwordHash: string) {
  const account = await prisma.account.create({ data: { name } });
  const user = await prisma.user.create({ data: { email, passwordHash, memberships: { create: { accountId: account.id, role: "owner" } } } });
  return (await loadActorContext(user.id, { ip: null, userAgent: "e2e seed" }, account.id))!;
}


export async function seedKeysPageFixtures(prisma: PrismaClient, passwordHash: string) {
  const findable = await owner(prisma, "Findable Co", E2E_USERS.findable, passwordHash);
  const key = (name: string, description: string, scopes: string[]) =>
    createApiKey(findable, createApiKeySchema.parse({ name, description, scopes, permissions: [], allowedIps: "", expiresOn: "", defaultMailingId: "" }));
  const crm = await key("CRM sync", FINDABLE_LONG_DESCRIPTION, ["subscribers"]);
  const shop = await key("Shop backend", "Checkout service", ["subscribers", "smtp"]);
  const relay = await key("Mailer relay", "Newsletter sender", ["smtp"]);
  const stats = await key("Stats export", "Weekly numbers", ["statistics"]);
  await setApiKeyEnabled(findable, relay.key.id, false);
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
  // CRM sync's secret is 200 days old (due for rotation); Shop backend was changed 20 days ago (not due).
  await prisma.apiKey.update({ where: { id: crm.key.id }, data: { createdAt: at(200), lastUsedAt: at(2) } });
  await prisma.apiKey.update({ where: { id: shop.key.id }, data: { createdAt: at(120), rotatedAt: at(20), lastUsedAt: at(0.01) } });
  await prisma.apiKey.update({ where: { id: relay.key.id }, data: { createdAt: at(60) } });
  await prisma.apiKey.update({ where: { id: stats.key.id }, data: { createdAt: at(10) } });
  await owner(prisma, "Phone Co", E2E_USERS.phone, passwordHash);
  await owner(prisma, "Forms Co", E2E_USERS.forms, passwordHash);
}
