/** Demo data for the embedded database (README lists the logins). */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { loadActorContext } from "@/lib/auth/memberships";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createApiKeySchema } from "@/modules/api-keys/schema";
import { apiUserDomain } from "@/modules/members/data/api-users";
import { createSubaccount } from "@/modules/subaccounts/data/mutations";

export const DEMO_PASSWORD = "demo-password-1";
/** Acme's API user (HTTP Basic on the API). A fixed name so the README can show a working curl. */
export const demoApiUser = () => ({ username: `apiuser-AcmeDemo@${apiUserDomain()}`, password: "demo-api-pass-1" });
export const DEMO_USERS = [
  { email: "owner@example.com", name: "Olivia Owner", account: "Acme Ltd.", role: "owner" },
  { email: "admin@example.com", name: "Adam Admin", account: "Acme Ltd.", role: "admin" },
  { email: "dev@example.com", name: "Dana Developer", account: "Acme Ltd.", role: "developer" },
  { email: "viewer@example.com", name: "Victor Viewer", account: "Acme Ltd.", role: "viewer" },
  { email: "other@example.com", name: "Greta Globex", account: "Globex", role: "owner" },
] as const;
/** People in more than one account: they see the account switcher in the header. */
/** Platform staff (no account; /staff) and a subaccount's own admin (sees Acme Europe only). */
export const DEMO_STAFF = { email: "staff@example.com", name: "Sam Staff" } as const;
export const DEMO_SUBACCOUNT_ADMIN = { email: "eu-admin@example.com", name: "Elena EU", account: "Acme Europe" } as const;
/** The owner of a whitelabel account: no API keys there; asks for a developer account instead. */
export const DEMO_WHITELABEL_OWNER = { email: "wl-owner@example.com", name: "Wendy Whitelabel", account: "Initech" } as const;
export const DEMO_MULTI_ACCOUNT_USERS = [
  { email: "consultant@example.com", name: "Casey Consultant", memberships: [{ account: "Acme Ltd.", role: "admin" }, { account: "Globex", role: "developer" }] },
] as const;

/** Demo data for the embedded database. Idempotent: does nothing when Acme Ltd. already exists. */
export async function seedDemo(prisma: PrismaClient): Promise<string> {
  if (await prisma.account.findFirst({ where: { name: "Acme Ltd." } })) return "Demo data already present";

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const acme = await prisma.account.create({ data: { name: "Acme Ltd.", kind: "standard" } });
  const globex = await prisma.account.create({ data: { name: "Globex", kind: "standard" } });
  const accounts = { "Acme Ltd.": acme, Globex: globex };
  const users: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const user = await prisma.user.create({
      data: { email: u.email, name: u.name, passwordHash, memberships: { create: { accountId: accounts[u.account].id, role: u.role } } },
    });
    users[u.email] = user.id;
  }
  for (const u of DEMO_MULTI_ACCOUNT_USERS) {
    const memberships = u.memberships.map((m) => ({ accountId: accounts[m.account].id, role: m.role }));
    await prisma.user.create({ data: { email: u.email, name: u.name, passwordHash, memberships: { create: memberships } } });
  }
  const welcome = await prisma.mailing.create({ data: { accountId: acme.id, name: "Welcome series" } });
  await prisma.mailing.create({ data: { accountId: acme.id, name: "Monthly newsletter" } });
  await prisma.mailing.create({ data: { accountId: globex.id, name: "Globex announcements" } });

  // Keys go through the same code path as the dashboard, so they are hashed and audited like any other.
  const owner = (await loadActorContext(users["owner@example.com"]!, { ip: null, userAgent: "demo seed" }, acme.id))!;
  const examples = [
    { name: "Website signup form", description: "Adds subscribers from the signup form on acme.example", scopes: ["subscribers"], permissions: [], allowedIps: "", expiresOn: "", defaultMailingId: welcome.id },
    { name: "CRM sync", description: "Nightly two-way sync with the CRM", scopes: ["subscribers", "articles", "statistics"], permissions: ["reactivate_archived_manual"], allowedIps: "203.0.113.0/24\n2001:db8::/32", expiresOn: "", defaultMailingId: "" },
    { name: "Old reporting script", description: "Replaced by the BI connector", scopes: ["statistics"], permissions: [], allowedIps: "", expiresOn: "", defaultMailingId: "" },
  ];
  const created = [];
  for (const example of examples) created.push(await createApiKey(owner, createApiKeySchema.parse(example)));
  await setApiKeyEnabled(owner, created[2]!.key.id, false);

  const key = (name: string, description: string) =>
    createApiKeySchema.parse({ name, description, scopes: ["subscribers"], permissions: [], allowedIps: "", expiresOn: "", defaultMailingId: "" });
  const europe = await createSubaccount(owner, { name: "Acme Europe", firstKey: key("EU newsletter signup", "Signup forms on acme.eu") });
  await createSubaccount(owner, { name: "Acme US", firstKey: key("US store", "Checkout opt-in on acme.com") });
  await prisma.user.create({
    data: { email: DEMO_SUBACCOUNT_ADMIN.email, name: DEMO_SUBACCOUNT_ADMIN.name, passwordHash, memberships: { create: { accountId: europe.id, role: "admin" } } },
  });
  await prisma.user.create({ data: { ...DEMO_STAFF, passwordHash, staff: true } });
  const initech = await prisma.account.create({ data: { name: DEMO_WHITELABEL_OWNER.account, kind: "whitelabel" } });
  await prisma.user.create({
    data: { email: DEMO_WHITELABEL_OWNER.email, name: DEMO_WHITELABEL_OWNER.name, passwordHash, memberships: { create: { accountId: initech.id, role: "owner" } } },
  });
  const apiUser = demoApiUser();
  await prisma.apiUser.create({
    data: { accountId: acme.id, username: apiUser.username, description: "Demo: nightly CRM import", passwordHash: await hashPassword(apiUser.password), createdById: users["owner@example.com"]! },
  });

  const people = DEMO_USERS.length + DEMO_MULTI_ACCOUNT_USERS.length + 3;
  return `Seeded Acme Ltd. (with Acme Europe and Acme US), Globex and Initech (whitelabel): ${people} users (password "${DEMO_PASSWORD}"), 3 mailings, 5 API keys, 1 API user`;
}
