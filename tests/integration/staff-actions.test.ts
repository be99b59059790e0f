/** The staff console's actions answer 404 (Next's notFound) to anyone who is not staff, and change nothing. */
import { describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ session: null as { user: { id: string } } | null }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => state.session) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-dc-client-ip": "203.0.113.11" }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { getPrisma } from "@/core/registry";
import { approveRequestAction, declineRequestAction } from "@/modules/staff/actions";
import { createSubaccount, requestMoreSubaccounts } from "@/modules/subaccounts/data/mutations";
import { createTestAccount } from "../support/fixtures";

const notFound = (e: unknown) => (e as { digest?: string }).digest?.startsWith("NEXT_HTTP_ERROR_FALLBACK;404") === true;

describe("staff actions", () => {
  it("for an owner, an admin, a signed-out visitor: 404 and the request stays pending", async () => {
    const acme = await createTestAccount("Acme");
    for (const name of ["A", "B", "C"]) await createSubaccount(acme.ctx.owner, { name, firstKey: null });
    const { id } = await requestMoreSubaccounts(acme.ctx.owner, { count: 1, reason: "More" });
    for (const session of [{ user: { id: acme.ctx.owner.userId } }, { user: { id: acme.ctx.admin.userId } }, null]) {
      state.session = session;
      expect(notFound(await approveRequestAction({ id, newLimit: 50 }).catch((e: unknown) => e))).toBe(true);
      expect(notFound(await declineRequestAction({ id, reason: "no" }).catch((e: unknown) => e))).toBe(true);
    }
    const prisma = await getPrisma();
    expect(await prisma.staffRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", decidedById: null });
    expect(await prisma.account.findUniqueOrThrow({ where: { id: acme.accountId } })).toMatchObject({ maxSubaccounts: 3 });
  });

  it("for staff: the decision is made", async () => {
    const acme = await createTestAccount("Acme");
    for (const name of ["A", "B", "C"]) await createSubaccount(acme.ctx.owner, { name, firstKey: null });
    const { id } = await requestMoreSubaccounts(acme.ctx.owner, { count: 1, reason: "More" });
    const staff = await (await getPrisma()).user.create({ data: { email: `staff-${id}@example.test`, passwordHash: "x", staff: true } });
    state.session = { user: { id: staff.id } };
    expect(await approveRequestAction({ id, newLimit: 4 })).toEqual({ ok: true, data: undefined });
    expect(await declineRequestAction({ id, reason: "late" })).toEqual({ ok: false, error: "This request has already been decided; decisions are final." });
  });
});
