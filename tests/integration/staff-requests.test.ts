/**
 * More subaccounts: one pending request per account; staff approve (the limit is raised, creating works again)
 * or decline with a reason shown to the requester; decisions are final, even when two staff decide at once.
 */
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import type { StaffContext } from "@/lib/auth/staff";
import { AppError, ValidationError } from "@/lib/errors";
import { approveRequest, declineRequest, getRequest, listRequests } from "@/modules/staff/data/requests";
import { searchAccounts } from "@/modules/staff/data/accounts";
import { createSubaccount, requestMoreSubaccounts } from "@/modules/subaccounts/data/mutations";
import { getSubaccountsOverview } from "@/modules/subaccounts/data/queries";
import { auditEventsOf, createTestAccount } from "../support/fixtures";

async function staff(): Promise<StaffContext> {
  const user = await (await getPrisma()).user.create({ data: { email: `staff-${crypto.randomUUID()}@example.test`, passwordHash: "x", staff: true } });
  return { userId: user.id, email: user.email, ip: "192.0.2.50", userAgent: "vitest" };
}

async function atLimit() {
  const acme = await createTestAccount("Acme");
  for (const name of ["One", "Two", "Three"]) await createSubaccount(acme.ctx.owner, { name, firstKey: null });
  return acme;
}

describe("requests for more subaccounts", () => {
  it("request → approve → the limit is raised and a fourth subaccount can be created; audited with the staff member", async () => {
    const acme = await atLimit();
    const { id } = await requestMoreSubaccounts(acme.ctx.admin, { count: 2, reason: "Two new brands" });
    const s = await staff();
    const queued = await listRequests(s, { type: "subaccounts", status: "pending" });
    expect(queued.find((r) => r.id === id)).toMatchObject({ account: { name: acme.name, maxSubaccounts: 3, subaccounts: 3 }, details: { count: 2, reason: "Two new brands" }, requestedBy: acme.ctx.admin.email });
    await approveRequest(s, id, 5);
    expect(await getSubaccountsOverview(acme.ctx.owner)).toMatchObject({ used: 3, max: 5, latestRequest: { status: "approved", count: 2 } });
    await expect(createSubaccount(acme.ctx.owner, { name: "Four", firstKey: null })).resolves.toMatchObject({ name: "Four" });
    expect((await auditEventsOf(acme.accountId)).find((e) => e.action === "request.approved")).toMatchObject({ actorId: s.userId, actorEmail: s.email });
    const mail = await (await getPrisma()).outboxEmail.findMany({ where: { to: acme.ctx.admin.email, kind: "request_decision" } });
    expect(mail.map((m) => m.subject)).toEqual([`Your request for more subaccounts for ${acme.name} was approved`]);
  });

  it("decline → the reason is shown to the requester; the limit stays", async () => {
    const acme = await atLimit();
    const { id } = await requestMoreSubaccounts(acme.ctx.owner, { count: 10, reason: "Reselling" });
    await declineRequest(await staff(), id, "Reselling needs a partner contract; please contact sales.");
    const [mail] = await (await getPrisma()).outboxEmail.findMany({ where: { to: acme.ctx.owner.email, kind: "request_decision" } });
    expect(mail).toMatchObject({ subject: `Your request for more subaccounts for ${acme.name} was declined` });
    expect(mail!.text).toContain("Reason: Reselling needs a partner contract; please contact sales.");
    expect(await getSubaccountsOverview(acme.ctx.owner)).toMatchObject({
      max: 3,
      latestRequest: { status: "declined", decisionReason: "Reselling needs a partner contract; please contact sales." },
    });
  });

  it("one pending request per account", async () => {
    const acme = await atLimit();
    await requestMoreSubaccounts(acme.ctx.owner, { count: 1, reason: "One more" });
    const error = await requestMoreSubaccounts(acme.ctx.admin, { count: 1, reason: "Again" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as Error).message).toBe("A request for more subaccounts is already waiting for staff.");
  });

  it("decisions are final: a second decision, or two at once, leave exactly the first", async () => {
    const acme = await atLimit();
    const { id } = await requestMoreSubaccounts(acme.ctx.owner, { count: 1, reason: "One more" });
    const [a, b] = [await staff(), await staff()];
    const results = await Promise.allSettled([approveRequest(a, id, 4), declineRequest(b, id, "No")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const decided = await getRequest(a, id);
    expect(["approved", "declined"]).toContain(decided.status);
    await expect((await getPrisma()).account.findUniqueOrThrow({ where: { id: acme.accountId } })).resolves.toMatchObject({ maxSubaccounts: decided.status === "approved" ? 4 : 3 });
    await expect(declineRequest(a, id, "Changed my mind")).rejects.toThrow("This request has already been decided; decisions are final.");
  });

  it("a new limit below the subaccounts in use is refused with a field error", async () => {
    const acme = await atLimit();
    const { id } = await requestMoreSubaccounts(acme.ctx.owner, { count: 1, reason: "One more" });
    const error = await approveRequest(await staff(), id, 2).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ newLimit: ["The account already has 3 subaccounts"] });
    expect((await getRequest(await staff(), id)).status).toBe("pending");
  });
});

describe("accounts directory", () => {
  it("finds an account by name or by number, with its counts", async () => {
    const acme = await atLimit();
    const number = (await (await getPrisma()).account.findUniqueOrThrow({ where: { id: acme.accountId } })).number;
    const s = await staff();
    for (const query of [acme.name.toUpperCase(), `m${number}`, ` M${number} `, String(number)]) {
      const found = await searchAccounts(s, query);
      expect(found.find((a) => a.id === acme.accountId), query).toMatchObject({ number: `m${number}`, kind: "standard", members: 4, subaccounts: 3, openRequests: 0 });
    }
  });
});
