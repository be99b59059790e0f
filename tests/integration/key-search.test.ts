/**
 * The keys page's "find a key": search in name, key id and description (pattern characters literal), filters by
 * status and scope, sorts by name / created / last used, always inside the actor's account; and the rotation
 * reminder's count. Expected names come from tables written here.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/auth", () => ({ auth: vi.fn(async () => null) }));

import { getPrisma } from "@/core/registry";
import { createApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { getKeysPageData, listApiKeys } from "@/modules/api-keys/data/queries";
import { setRotationDays } from "@/modules/api-keys/data/rotation-setting";
import { parseKeyListQuery, rotationDaysSchema } from "@/modules/api-keys/schema";
import { ForbiddenError } from "@/lib/errors";
import { ALL_KEYS, type KeyListQuery } from "@/modules/api-keys/types";
import { auditEventsOf, createTestAccount, keyInput, type TestAccount } from "../support/fixtures";

const DAY = 86_400_000;
let acct: TestAccount;
let other: TestAccount;
let crmKeyId = "";

beforeAll(async () => {
  acct = await createTestAccount("Search");
  other = await createTestAccount("Search other");
  const prisma = await getPrisma();
  const owner = acct.ctx.owner;
  const crm = await createApiKey(owner, keyInput({ name: "CRM sync", description: "Nightly contacts import", scopes: ["subscribers"] }));
  crmKeyId = crm.key.keyId;
  const shop = await createApiKey(owner, keyInput({ name: "shop backend", description: "100% of checkout_traffic", scopes: ["subscribers", "smtp"] }));
  const mailer = await createApiKey(owner, keyInput({ name: "Mailer", scopes: ["smtp"] }));
  const old = await createApiKey(owner, keyInput({ name: "Archive", description: "old CRM export", scopes: ["statistics"], expiresOn: "2099-01-01" }));
  await setApiKeyEnabled(owner, mailer.key.id, false);
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
  // Created 200, 100, 50 and 10 days ago; last used: shop most recently, CRM earlier, the others never.
  await prisma.apiKey.update({ where: { id: crm.key.id }, data: { createdAt: at(200), lastUsedAt: at(3) } });
  await prisma.apiKey.update({ where: { id: shop.key.id }, data: { createdAt: at(100), rotatedAt: at(20), lastUsedAt: at(1) } });
  await prisma.apiKey.update({ where: { id: mailer.key.id }, data: { createdAt: at(150) } });
  await prisma.apiKey.update({ where: { id: old.key.id }, data: { createdAt: at(10), expiresAt: at(1) } });
  await createApiKey(other.ctx.owner, keyInput({ name: "CRM sync elsewhere", scopes: ["subscribers"] }));
});

const names = async (query: Partial<KeyListQuery>) => (await listApiKeys(acct.ctx.developer, { ...ALL_KEYS, ...query })).map((k) => k.name);

describe("search, filters and sort", () => {
  it.each<[string, Partial<KeyListQuery>, string[]]>([
    ["everything, newest first", {}, ["Archive", "shop backend", "Mailer", "CRM sync"]],
    ["name, any case", { q: "crm" }, ["Archive", "CRM sync"]],
    ["description", { q: "contacts" }, ["CRM sync"]],
    ["% and _ are literal", { q: "100%" }, ["shop backend"]],
    ["_ literal (as a wildcard it would match \"shop backend\")", { q: "p_b" }, []],
    ["_ found literally", { q: "t_t" }, ["shop backend"]],
    ["status active", { status: "active" }, ["shop backend", "CRM sync"]],
    ["status disabled", { status: "disabled" }, ["Mailer"]],
    ["status expired", { status: "expired" }, ["Archive"]],
    ["scope smtp", { scope: "smtp" }, ["shop backend", "Mailer"]],
    ["scope and status", { scope: "smtp", status: "active" }, ["shop backend"]],
    ["sort by name", { sort: "name" }, ["Archive", "CRM sync", "Mailer", "shop backend"]],
    ["sort by last used", { sort: "lastUsed" }, ["shop backend", "CRM sync", "Archive", "Mailer"]],
  ])("%s", async (_label, query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it("finds a key by its key id, and never another account's key", async () => {
    expect(await names({ q: crmKeyId.slice(3, 12) })).toEqual(["CRM sync"]);
    expect(await names({ q: "elsewhere" })).toEqual([]);
  });

  it("reads the URL leniently: unknown values fall back, the first of repeated values counts", () => {
    expect(parseKeyListQuery({ q: "  crm ", status: "nope", scope: ["smtp", "articles"], sort: "DROP TABLE" })).toEqual({
      q: "crm", status: "all", scope: "smtp", sort: "created",
    });
    expect(parseKeyListQuery({})).toEqual(ALL_KEYS);
  });
});

describe("rotation reminder and quota on a filtered page", () => {
  it("counts active keys whose secret is older than the account's rotation age, over all keys", async () => {
    // CRM sync: 200 days, never changed → due. shop: changed 20 days ago → not due. Mailer: disabled. Archive: expired.
    const data = await getKeysPageData(acct.ctx.developer, { ...ALL_KEYS, q: "mailer" });
    expect(data.keys.map((k) => k.name)).toEqual(["Mailer"]);
    expect(data.quota).toEqual({ used: 4, max: 15 });
    expect(data.rotation).toEqual({ days: 90, dueCount: 1 });
    const prisma = await getPrisma();
    await prisma.account.update({ where: { id: acct.accountId }, data: { keyRotationDays: 15 } });
    expect((await getKeysPageData(acct.ctx.developer)).rotation).toEqual({ days: 15, dueCount: 2 });
    await prisma.account.update({ where: { id: acct.accountId }, data: { keyRotationDays: 90 } });
  });

  it("owners and admins change the rotation age (audited); developers cannot; out-of-range days are field errors", async () => {
    expect(rotationDaysSchema.safeParse({ days: "3" }).error?.issues[0]?.message).toBe("At least 7 days");
    expect(rotationDaysSchema.safeParse({ days: "1000" }).error?.issues[0]?.message).toBe("At most 730 days");
    expect(rotationDaysSchema.safeParse({ days: "15" }).data).toEqual({ days: 15 });
    await expect(setRotationDays(acct.ctx.developer, 15)).rejects.toBeInstanceOf(ForbiddenError);
    await setRotationDays(acct.ctx.admin, 15);
    expect((await getKeysPageData(acct.ctx.developer)).rotation).toEqual({ days: 15, dueCount: 2 });
    const [event] = await auditEventsOf(acct.accountId).then((events) => events.filter((e) => e.action === "account.rotation_days_changed"));
    expect(event).toMatchObject({ actorId: acct.ctx.admin.userId, details: { from: 90, to: 15 } });
    await setRotationDays(acct.ctx.owner, 90);
    expect((await getKeysPageData(acct.ctx.developer)).rotation).toEqual({ days: 90, dueCount: 1 });
  });
});
