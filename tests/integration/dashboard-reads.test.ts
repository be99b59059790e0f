/**
 * The dashboard's plain-SQL reads (keys with usage, the keys page's limit and mailings, memberships, audit events)
 * must return exactly what the Prisma reads they replaced returned: the same DTOs, field for field, on both
 * databases. Usage series are checked against a table written here.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

// lib/auth/context imports Auth.js, which needs Next's runtime; these reads never ask it for a session.
vi.mock("@/auth", () => ({ auth: vi.fn(async () => null) }));

import { getPrisma } from "@/core/registry";
import { listMemberships } from "@/lib/auth/context";
import { createApiKey, rotateApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { apiKeySelect, getApiKeyQuota, getKeysPageData, listApiKeys, listMailings, toApiKeyDto } from "@/modules/api-keys/data/queries";
import { listAuditEvents } from "@/modules/audit/data/queries";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";

const DAY = 86_400_000;
let acct: TestAccount;

beforeEach(async () => {
  acct = await createTestAccount("Reads");
});

/** UTC midnight `daysAgo` days before today. */
function day(daysAgo: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY);
}

/** The same keys read the way the page read them before: Prisma's select, mapped by toApiKeyDto. */
async function prismaKeys(series: Map<string, number[]>) {
  const prisma = await getPrisma();
  const rows = await prisma.apiKey.findMany({ where: { accountId: acct.accountId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: apiKeySelect });
  const now = new Date();
  return rows.map((row) => toApiKeyDto(row, now, series.get(row.id) ?? new Array(30).fill(0)));
}

describe("listApiKeys (one statement)", () => {
  it("matches the Prisma read field for field: mailing, creator, expiry, rotation, disabled, last use, usage by day", async () => {
    const prisma = await getPrisma();
    const plain = await createApiKey(acct.ctx.owner, keyInput({ name: "Plain" }));
    const mailed = await createApiKey(acct.ctx.admin, keyInput({ name: "Mailed", defaultMailingId: acct.mailingId, allowedIps: "203.0.113.0/24\n2001:db8::/32", scopes: ["subscribers", "statistics"] }));
    const expiring = await createApiKey(acct.ctx.owner, keyInput({ name: "Expiring", expiresOn: "2099-01-31" }));
    await rotateApiKey(acct.ctx.owner, mailed.key.id, "24h");
    await setApiKeyEnabled(acct.ctx.owner, mailed.key.id, false);
    await prisma.apiKey.update({ where: { id: plain.key.id }, data: { lastUsedAt: new Date(Date.now() - 5000), lastUsedIp: "198.51.100.7", createdById: null } });
    await prisma.apiKey.update({ where: { id: expiring.key.id }, data: { expiresAt: new Date(Date.now() - DAY) } });
    // Today, yesterday, 29 days ago (the oldest day shown), 30 days ago and tomorrow (neither shown).
    const usage: [string, number, number][] = [
      [plain.key.id, 0, 7],
      [plain.key.id, 1, 3],
      [plain.key.id, 29, 11],
      [plain.key.id, 30, 99],
      [plain.key.id, -1, 5],
      [mailed.key.id, 2, 1],
    ];
    await prisma.apiKeyUsage.createMany({ data: usage.map(([apiKeyId, ago, count]) => ({ apiKeyId, day: day(ago), count })) });
    const expected = new Map<string, number[]>([
      [plain.key.id, [11, ...new Array(27).fill(0), 3, 7]],
      [mailed.key.id, [...new Array(27).fill(0), 1, 0, 0]],
    ]);

    const listed = await listApiKeys(acct.ctx.developer);
    expect(listed.map((k) => k.name)).toEqual(["Expiring", "Mailed", "Plain"]);
    expect(listed).toEqual(await prismaKeys(expected));
    expect(listed.map((k) => k.status)).toEqual(["expired", "disabled", "active"]);
    expect(listed.find((k) => k.id === plain.key.id)!.createdByEmail).toBeNull();
  });

  it("an account without keys lists none", async () => {
    expect(await listApiKeys(acct.ctx.owner)).toEqual([]);
  });
});

describe("getKeysPageData", () => {
  it("is listApiKeys, getApiKeyQuota and listMailings in two statements", async () => {
    const prisma = await getPrisma();
    await prisma.mailing.create({ data: { accountId: acct.accountId, name: "Aardvark digest" } });
    await createApiKey(acct.ctx.owner, keyInput({ name: "One" }));
    await createApiKey(acct.ctx.owner, keyInput({ name: "Two" }));
    const data = await getKeysPageData(acct.ctx.developer);
    expect(data).toEqual({
      keys: await listApiKeys(acct.ctx.developer),
      quota: await getApiKeyQuota(acct.ctx.developer),
      mailings: await listMailings(acct.ctx.developer),
      rotation: { days: 90, dueCount: 0 },
      smtpKeys: [],
    });
    expect(data.quota).toEqual({ used: 2, max: 15 });
    expect(data.mailings.map((m) => m.name)).toEqual(["Aardvark digest", expect.stringMatching(/^Welcome /)]);
  });

  it("is refused to a viewer", async () => {
    await expect(getKeysPageData(acct.ctx.viewer)).rejects.toThrow();
  });
});

describe("listMemberships and listAuditEvents", () => {
  it("memberships oldest first with the user's email; a user without memberships has none", async () => {
    const prisma = await getPrisma();
    const other = await createTestAccount("Second");
    await prisma.membership.create({ data: { userId: acct.ctx.admin.userId, accountId: other.accountId, role: "viewer" } });
    const found = await listMemberships(acct.ctx.admin.userId);
    expect(found).toMatchObject({ email: acct.ctx.admin.email, staff: false });
    expect(found!.memberships.map(({ accountId, accountName, role }) => ({ accountId, accountName, role }))).toEqual([
      { accountId: acct.accountId, accountName: acct.name, role: "admin" },
      { accountId: other.accountId, accountName: other.name, role: "viewer" },
    ]);
    await prisma.membership.deleteMany({ where: { userId: acct.ctx.viewer.userId } });
    expect(await listMemberships(acct.ctx.viewer.userId)).toEqual({ email: acct.ctx.viewer.email, staff: false, memberships: [] });
    expect(await listMemberships("no-such-user")).toBeNull();
  });

  it("audit events match the Prisma read, newest first, details included", async () => {
    await createApiKey(acct.ctx.owner, keyInput({ name: "Audited" }));
    const [created] = await listAuditEvents(acct.ctx.developer);
    const prisma = await getPrisma();
    const row = await prisma.auditEvent.findFirstOrThrow({
      where: { accountId: acct.accountId },
      select: { id: true, action: true, actorEmail: true, targetLabel: true, ip: true, createdAt: true, details: true },
    });
    expect(created).toEqual(row);
    expect(created!.details).toMatchObject({ name: "Audited" });
  });
});
