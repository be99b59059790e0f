/**
 * Developer accounts from a signed-in account: the Company rule (expected messages written here), one pending
 * request per account, staff approval (account, owner, limits, link, email) and decline, what a developer
 * account cannot do, and whitelabel accounts that cannot issue keys by any data path.
 */
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import { loadActorContext } from "@/lib/auth/memberships";
import { AppError, ForbiddenError, LimitError, ValidationError } from "@/lib/errors";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { getIntegrationsOverview } from "@/modules/developer-accounts/data/queries";
import { requestDeveloperAccount } from "@/modules/developer-accounts/data/requests";
import { approveRequest, declineRequest } from "@/modules/staff/data/requests";
import { createSubaccount, requestMoreSubaccounts } from "@/modules/subaccounts/data/mutations";
import { createTestAccount, keyInput } from "../support/fixtures";
import { newStaff, outboxTo, stagingRequest, staffRequestOf } from "../support/developer-accounts";

async function companyError(company: string) {
  const acme = await createTestAccount("Acme Ltd.");
  const ctx = acme.ctx.owner;
  const error = await requestDeveloperAccount(ctx, stagingRequest(ctx, { company: company.replace("NAME", ctx.accountName).replace("NUM", String(ctx.accountNumber)) })).then(() => null, (e: unknown) => e);
  return { error, ctx };
}

describe("the Company rule (staging and whitelabel)", () => {
  it.each([
    ["exact", "NAME mNUM"],
    ["other case and extra spaces", "  \tNAME   MNUM  "],
    ["a suffix before the number", "NAME GmbH mNUM"],
  ])("accepts %s", async (_label, company) => {
    const { error } = await companyError(company);
    expect(error).toBeNull();
  });

  it("accepts the name in another case", async () => {
    const acme = await createTestAccount("Acme Ltd.");
    const ctx = acme.ctx.owner;
    await expect(requestDeveloperAccount(ctx, stagingRequest(ctx, { company: `${ctx.accountName.toUpperCase()} m${ctx.accountNumber}` }))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("a wrong name: says which name, with the right value", async () => {
    const { error, ctx } = await companyError("Globex mNUM");
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ company: [`Company must contain this account's name, “${ctx.accountName}”, e.g. “${ctx.accountName} m${ctx.accountNumber}”.`] });
  });

  it("no number: says which number", async () => {
    const { error, ctx } = await companyError("NAME");
    expect((error as ValidationError).fieldErrors).toEqual({ company: [`Company must end with this account's number, m${ctx.accountNumber}, e.g. “${ctx.accountName} m${ctx.accountNumber}”.`] });
  });

  it("a wrong number, and another account's number: refused with the right one", async () => {
    const other = await createTestAccount("Globex");
    for (const wrong of [other.ctx.owner.accountNumber, 999_999]) {
      const { error, ctx } = await companyError(`NAME m${wrong}`);
      expect((error as ValidationError).fieldErrors).toEqual({ company: [`m${wrong} is not this account's number. Company must end with m${ctx.accountNumber}, e.g. “${ctx.accountName} m${ctx.accountNumber}”.`] });
    }
  });

  it("the company is stored with its spacing tidied", async () => {
    const acme = await createTestAccount("Acme Ltd.");
    const ctx = acme.ctx.owner;
    await requestDeveloperAccount(ctx, stagingRequest(ctx, { company: `  ${ctx.accountName}\t  m${ctx.accountNumber}  ` }));
    expect((await getIntegrationsOverview(ctx)).requests).toMatchObject([{ company: `${ctx.accountName} m${ctx.accountNumber}`, status: "pending" }]);
  });

  it("nothing is stored for a refused request", async () => {
    const { ctx } = await companyError("Nope m1");
    expect(await (await getPrisma()).developerAccountRequest.count({ where: { mainAccountId: ctx.accountId } })).toBe(0);
  });
});

describe("requests and staff decisions", () => {
  it("approve: a developer account with the limits, linked, the requester as owner, emailed; it lists on Integrations", async () => {
    const acme = await createTestAccount("Acme Ltd.");
    await requestDeveloperAccount(acme.ctx.admin, stagingRequest(acme.ctx.admin));
    const staff = await newStaff();
    await approveRequest(staff, await staffRequestOf(acme.accountId), 0, "Enjoy");
    const prisma = await getPrisma();
    const dev = await prisma.account.findFirstOrThrow({ where: { mainAccountId: acme.accountId }, include: { memberships: true } });
    expect(dev).toMatchObject({ kind: "developer", production: false, maxApiKeys: 5, maxEmailsPerDay: 200, maxSubaccounts: 0, name: `${acme.name} (developer)` });
    expect(dev.memberships.map((m) => [m.userId, m.role])).toEqual([[acme.ctx.admin.userId, "owner"]]);
    expect((await outboxTo(acme.ctx.admin.email)).map((e) => e.subject)).toEqual([`Your developer account ${dev.name} is ready`]);
    const overview = await getIntegrationsOverview(acme.ctx.admin);
    expect(overview.requests).toMatchObject([{ status: "approved", useCase: "staging" }]);
    expect(overview.linked).toMatchObject([{ id: dev.id, owners: [acme.ctx.admin.email], canSwitch: true }]);
    expect((await getIntegrationsOverview(acme.ctx.owner)).linked).toMatchObject([{ id: dev.id, canSwitch: false }]);
  });

  it("decline: the reason is stored and emailed; no account", async () => {
    const acme = await createTestAccount("Acme Ltd.");
    await requestDeveloperAccount(acme.ctx.owner, stagingRequest(acme.ctx.owner));
    await declineRequest(await newStaff(), await staffRequestOf(acme.accountId), "Your plan does not include one.");
    expect((await getIntegrationsOverview(acme.ctx.owner)).requests).toMatchObject([{ status: "declined", decisionReason: "Your plan does not include one." }]);
    expect((await outboxTo(acme.ctx.owner.email)).map((e) => e.text)).toEqual([expect.stringContaining("Your plan does not include one.")]);
    expect(await (await getPrisma()).account.count({ where: { mainAccountId: acme.accountId } })).toBe(0);
  });

  it("one pending request per account", async () => {
    const acme = await createTestAccount("Acme Ltd.");
    await requestDeveloperAccount(acme.ctx.owner, stagingRequest(acme.ctx.owner));
    await expect(requestDeveloperAccount(acme.ctx.admin, stagingRequest(acme.ctx.admin))).rejects.toThrow(new AppError("A developer account request from this account is already waiting for staff."));
  });

  it("a developer account: max 5 keys, no subaccounts, no developer accounts of its own", async () => {
    const acme = await createTestAccount("Acme Ltd.");
    await requestDeveloperAccount(acme.ctx.owner, stagingRequest(acme.ctx.owner));
    await approveRequest(await newStaff(), await staffRequestOf(acme.accountId), 0);
    const dev = await (await getPrisma()).account.findFirstOrThrow({ where: { mainAccountId: acme.accountId } });
    const ctx = (await loadActorContext(acme.ctx.owner.userId, { ip: null, userAgent: "vitest" }, dev.id))!;
    expect(ctx).toMatchObject({ accountId: dev.id, accountKind: "developer", role: "owner" });
    for (let i = 0; i < 5; i++) await createApiKey(ctx, keyInput());
    await expect(createApiKey(ctx, keyInput())).rejects.toThrow(new LimitError("This account already has 5 of 5 API keys. Delete a key before creating another."));
    await expect(createSubaccount(ctx, { name: "Sub", firstKey: null })).rejects.toThrow(new ForbiddenError("Only standard accounts can have subaccounts."));
    await expect(requestMoreSubaccounts(ctx, { count: 1, reason: "More" })).rejects.toThrow(new ForbiddenError("Only standard accounts can have subaccounts."));
    await expect(requestDeveloperAccount(ctx, stagingRequest(ctx))).rejects.toThrow(new ForbiddenError("A developer account cannot request developer accounts. Switch to your main account."));
  });
});

describe("whitelabel accounts cannot have keys", () => {
  const REFUSED = "A whitelabel account cannot have API keys. Request a developer account and create its keys there.";

  it("refused in the data layer, even with a context that still says standard (a stale or replayed session)", async () => {
    const wl = await createTestAccount("Initech");
    await (await getPrisma()).account.update({ where: { id: wl.accountId }, data: { kind: "whitelabel" } });
    const fresh = (await loadActorContext(wl.ctx.owner.userId, { ip: null, userAgent: "vitest" }, wl.accountId))!;
    for (const ctx of [fresh, wl.ctx.owner, wl.ctx.admin]) await expect(createApiKey(ctx, keyInput())).rejects.toThrow(new ForbiddenError(REFUSED));
    expect(await (await getPrisma()).apiKey.count({ where: { accountId: wl.accountId } })).toBe(0);
  });
});
