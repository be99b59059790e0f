/**
 * Subaccounts (Mailjet): created from a top-level account within its plan limit (held under concurrency),
 * worked in by the parent's owners and admins as inherited admins, suspended (ACCOUNT_SUSPENDED at once) and
 * deleted (401 at once; the parent keeps the event with name and number). A subaccount cannot have subaccounts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import { listMemberships, loadActorContext } from "@/lib/auth/memberships";
import { ForbiddenError, LimitError, NotFoundError, ValidationError } from "@/lib/errors";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createSubaccount, deleteSubaccount, renameSubaccount, setSubaccountSuspended } from "@/modules/subaccounts/data/mutations";
import { getSubaccountsOverview } from "@/modules/subaccounts/data/queries";
import { auditEventsOf, createTestAccount, keyInput } from "../support/fixtures";
import { basic, startTestApi, verifyCall, whoami, type TestApi } from "../support/api-server";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ limits: { maxAuthFailures: 10_000, redisUrl: undefined } });
});
afterAll(() => api.close());

const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("creating", () => {
  it("creates a subaccount with its first key; the key works at once and names the subaccount and its parent", async () => {
    const acme = await createTestAccount("Acme");
    const sub = await createSubaccount(acme.ctx.admin, { name: "Acme Europe", firstKey: keyInput({ name: "EU shop" }) });
    expect(sub).toMatchObject({ name: "Acme Europe", number: expect.stringMatching(/^m\d{4,}$/), key: { key: { name: "EU shop" } } });
    const res = await whoami(api.url, basic(sub.key!.plaintextKey));
    expect(res.status).toBe(200);
    const parent = await (await getPrisma()).account.findUniqueOrThrow({ where: { id: acme.accountId } });
    expect(res.body.account).toEqual({ id: sub.id, number: sub.number, name: "Acme Europe", kind: "standard", status: "active", parent: { id: acme.accountId, number: `m${parent.number}`, name: acme.name } });
    expect((await auditEventsOf(acme.accountId)).map((e) => e.action)).toEqual(["subaccount.created"]);
    expect((await auditEventsOf(sub.id)).map((e) => e.action)).toEqual(["subaccount.created", "api_key.created"]);
  });

  it("refuses a duplicate name (ignoring case), and subaccounts of a subaccount", async () => {
    const acme = await createTestAccount("Acme");
    const sub = await createSubaccount(acme.ctx.owner, { name: "Acme US", firstKey: null });
    expect(((await errorOf(createSubaccount(acme.ctx.owner, { name: "acme us", firstKey: null }))) as ValidationError).fieldErrors).toEqual({
      name: ["There is already a subaccount named “acme us”."],
    });
    const inSub = (await loadActorContext(acme.ctx.owner.userId, undefined, sub.id))!;
    expect(inSub).toMatchObject({ accountId: sub.id, role: "admin", inheritedFrom: acme.name });
    expect(await errorOf(createSubaccount(inSub, { name: "Nested", firstKey: null }))).toBeInstanceOf(ForbiddenError);
  });

  it.skipIf(!isPostgres)("30 creates at once never exceed the limit of 3 (PostgreSQL: transactions really overlap)", async () => {
    const acme = await createTestAccount("Race");
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => createSubaccount(acme.ctx.owner, { name: `Race ${i}`, firstKey: null })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof LimitError)).toBe(true);
    expect(await (await getPrisma()).account.count({ where: { parentId: acme.accountId } })).toBe(3);
  });

  it("30 creates at once on either database: exactly 3, then a clear limit error", async () => {
    const acme = await createTestAccount("Limit");
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => createSubaccount(acme.ctx.owner, { name: `Sub ${i}`, firstKey: null })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const error = await errorOf(createSubaccount(acme.ctx.owner, { name: "Fourth", firstKey: null }));
    expect((error as Error).message).toBe("This account has 3 of 3 subaccounts. Ask for more to create another.");
    expect(await getSubaccountsOverview(acme.ctx.owner)).toMatchObject({ used: 3, max: 3 });
  });
});

describe("who works where", () => {
  it("the parent's owners and admins act as inherited admins in each subaccount; a subaccount's own member sees only it", async () => {
    const acme = await createTestAccount("Acme");
    const eu = await createSubaccount(acme.ctx.owner, { name: "EU", firstKey: null });
    const us = await createSubaccount(acme.ctx.owner, { name: "US", firstKey: null });
    const prisma = await getPrisma();
    const euAdmin = await prisma.user.create({ data: { email: `eu-admin-${eu.id}@example.test`, passwordHash: "x", memberships: { create: { accountId: eu.id, role: "admin" } } } });
    const summary = async (userId: string) => (await listMemberships(userId))!.memberships.map((m) => [m.accountName, m.role, m.inheritedFrom]);
    expect(await summary(acme.ctx.owner.userId)).toEqual([[acme.name, "owner", null], ["EU", "admin", acme.name], ["US", "admin", acme.name]]);
    expect(await summary(acme.ctx.developer.userId)).toEqual([[acme.name, "developer", null]]);
    expect(await summary(euAdmin.id)).toEqual([["EU", "admin", null]]);
    const inEu = (await loadActorContext(euAdmin.id, undefined, us.id))!;
    expect(inEu.accountId).toBe(eu.id); // the sibling is not theirs: the preference is ignored
  });

  it("sibling → sibling and stranger → subaccount: not allowed, nothing changes", async () => {
    const acme = await createTestAccount("Acme");
    const globex = await createTestAccount("Globex");
    const eu = await createSubaccount(acme.ctx.owner, { name: "EU", firstKey: null });
    const us = await createSubaccount(acme.ctx.owner, { name: "US", firstKey: null });
    const inEu = (await loadActorContext(acme.ctx.owner.userId, undefined, eu.id))!;
    expect(await errorOf(renameSubaccount(inEu, us.id, "Mine"))).toBeInstanceOf(ForbiddenError);
    expect(await errorOf(setSubaccountSuspended(globex.ctx.owner, eu.id, true))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(deleteSubaccount(globex.ctx.owner, eu.id, "EU"))).toBeInstanceOf(NotFoundError);
    const rows = await (await getPrisma()).account.findMany({ where: { id: { in: [eu.id, us.id] } }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.status, r.deletedAt])).toEqual([["EU", "active", null], ["US", "active", null]]);
  });
});

describe("suspend, resume, delete", () => {
  it("suspending answers 403 ACCOUNT_SUSPENDED on the very next request; resuming 200; deleting 401 and the parent keeps the event", async () => {
    const acme = await createTestAccount("Acme");
    const sub = await createSubaccount(acme.ctx.owner, { name: "Brand", firstKey: keyInput({ name: "Brand key" }) });
    const key = sub.key!.plaintextKey;
    expect((await whoami(api.url, basic(key))).status).toBe(200);
    await setSubaccountSuspended(acme.ctx.admin, sub.id, true);
    const suspended = await whoami(api.url, basic(key));
    expect([suspended.status, suspended.body.code]).toEqual([403, "ACCOUNT_SUSPENDED"]);
    await setSubaccountSuspended(acme.ctx.admin, sub.id, false);
    expect((await whoami(api.url, basic(key))).status).toBe(200);
    await deleteSubaccount(acme.ctx.owner, sub.id, "Brand");
    expect((await whoami(api.url, basic(key))).status).toBe(401);
    const events = await auditEventsOf(acme.accountId);
    expect(events.at(-1)).toMatchObject({ action: "subaccount.deleted", targetLabel: `Brand (${sub.number})`, details: { keys: 1 } });
    expect(await getSubaccountsOverview(acme.ctx.owner)).toMatchObject({ used: 0 });
    // The subaccount's own trail stays readable: the row is only soft-deleted.
    expect((await auditEventsOf(sub.id)).map((e) => e.action)).toContain("subaccount.suspended");
  });

  it("a suspended subaccount's admins cannot issue keys there until it is resumed", async () => {
    const acme = await createTestAccount("Acme");
    const sub = await createSubaccount(acme.ctx.owner, { name: "Paused", firstKey: null });
    await setSubaccountSuspended(acme.ctx.owner, sub.id, true);
    const inSub = (await loadActorContext(acme.ctx.owner.userId, undefined, sub.id))!;
    expect(((await errorOf(createApiKey(inSub, keyInput()))) as Error).message).toContain("This account is suspended");
  });
});

describe("verification across the tree", () => {
  it("the parent's verifier verifies its subaccounts' keys; a subaccount's cannot verify the parent's or a sibling's", async () => {
    const acme = await createTestAccount("Acme");
    const parentVerifier = (await createApiKey(acme.ctx.owner, keyInput({ scopes: ["keys:verify"] }))).plaintextKey;
    const parentKey = (await createApiKey(acme.ctx.owner, keyInput())).plaintextKey;
    const eu = await createSubaccount(acme.ctx.owner, { name: "EU", firstKey: keyInput({ name: "EU verifier", scopes: ["keys:verify", "subscribers"] }) });
    const us = await createSubaccount(acme.ctx.owner, { name: "US", firstKey: keyInput({ name: "US key" }) });
    const euVerifier = eu.key!.plaintextKey;

    const ok = await verifyCall(api.url, parentVerifier, { key: us.key!.plaintextKey });
    expect(ok.body).toMatchObject({ valid: true, code: "VALID", account: { id: us.id, name: "US", number: us.number } });
    for (const other of [parentKey, us.key!.plaintextKey]) {
      expect((await verifyCall(api.url, euVerifier, { key: other })).body).toMatchObject({ valid: false, code: "NOT_FOUND", account: null });
    }
    expect((await verifyCall(api.url, euVerifier, { key: euVerifier })).body.code).toBe("VALID");
  });
});
