/**
 * The active account: chosen by the user through the switcher (a cookie holding an account id), validated
 * against the user's memberships on every request. Real server actions, with next/headers' cookie jar mocked.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ session: null as { user: { id: string } } | null, cookies: new Map<string, string>() }));

vi.mock("@/auth", () => ({ auth: vi.fn(async () => state.session) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-dc-client-ip": "203.0.113.10" }),
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void state.cookies.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { getPrisma } from "@/core/registry";
import { ACTIVE_ACCOUNT_COOKIE, getActorContext, loadActorContext } from "@/lib/auth/context";
import { switchAccountAction } from "@/modules/accounts/actions";
import { createApiKeyAction } from "@/modules/api-keys/actions";
import { auditEventsOf, createTestAccount, keyFormValues, snapshotAccount, type TestAccount } from "../support/fixtures";

let acme: TestAccount;
let globex: TestAccount;
let stranger: TestAccount;
let consultantId: string;

/** A consultant: admin in Acme (joined first), developer in Globex; member of nothing else. */
beforeEach(async () => {
  acme = await createTestAccount("Acme");
  globex = await createTestAccount("Globex");
  stranger = await createTestAccount("Stranger");
  const prisma = await getPrisma();
  const user = await prisma.user.create({
    data: { email: `consultant-${acme.accountId}@example.test`, passwordHash: "not-used" },
  });
  await prisma.membership.create({ data: { userId: user.id, accountId: acme.accountId, role: "admin", createdAt: new Date(Date.now() - 60_000) } });
  await prisma.membership.create({ data: { userId: user.id, accountId: globex.accountId, role: "developer" } });
  consultantId = user.id;
  state.session = { user: { id: user.id } };
  state.cookies.clear();
});

describe("loadActorContext", () => {
  it("defaults to the oldest membership", async () => {
    expect(await loadActorContext(consultantId)).toMatchObject({ accountId: acme.accountId, role: "admin" });
  });

  it("uses the preferred account when the user is a member there, with that account's role", async () => {
    expect(await loadActorContext(consultantId, undefined, globex.accountId)).toMatchObject({ accountId: globex.accountId, role: "developer" });
  });

  it.each([
    ["another account's id", () => stranger.accountId],
    ["a made-up id", () => "c0000000000000000000000000"],
    ["an empty string", () => ""],
  ])("ignores %s and falls back to the oldest membership", async (_label, id) => {
    expect(await loadActorContext(consultantId, undefined, id())).toMatchObject({ accountId: acme.accountId, role: "admin" });
  });
});

describe("a forged account cookie", () => {
  it("naming a foreign account is ignored: the context is the user's own account", async () => {
    state.cookies.set(ACTIVE_ACCOUNT_COOKIE, stranger.accountId);
    expect(await getActorContext()).toMatchObject({ accountId: acme.accountId, role: "admin" });
  });

  it("cannot make an action write into the foreign account", async () => {
    state.cookies.set(ACTIVE_ACCOUNT_COOKIE, stranger.accountId);
    const before = await snapshotAccount(stranger.accountId);
    const result = await createApiKeyAction(keyFormValues({ name: "Planted" }));
    expect(result).toMatchObject({ ok: true, data: { key: { name: "Planted" } } });
    expect(await snapshotAccount(stranger.accountId)).toEqual(before);
    expect((await snapshotAccount(acme.accountId)).keys.map((k) => k.name)).toEqual(["Planted"]);
  });
});

describe("role × operation follows the active account", () => {
  it("the consultant may create keys as admin in Acme but not as developer in Globex", async () => {
    expect(await createApiKeyAction(keyFormValues({ name: "In Acme" }))).toMatchObject({ ok: true });
    state.cookies.set(ACTIVE_ACCOUNT_COOKIE, globex.accountId);
    const before = await snapshotAccount(globex.accountId);
    expect(await createApiKeyAction(keyFormValues({ name: "In Globex" }))).toEqual({ ok: false, error: "You do not have permission to do that." });
    expect(await snapshotAccount(globex.accountId)).toEqual(before);
  });
});

describe("switchAccountAction", () => {
  it("switches into an account the user belongs to, sets the cookie and audits the switch there", async () => {
    const result = await switchAccountAction({ accountId: globex.accountId });
    expect(result).toEqual({ ok: true, data: expect.objectContaining({ accountId: globex.accountId, accountName: globex.name, role: "developer", inheritedFrom: null }) });
    expect(state.cookies.get(ACTIVE_ACCOUNT_COOKIE)).toBe(globex.accountId);
    expect(await getActorContext()).toMatchObject({ accountId: globex.accountId, role: "developer" });
    const events = await auditEventsOf(globex.accountId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "account.switched",
      actorId: consultantId,
      targetId: globex.accountId,
      targetLabel: globex.name,
      ip: "203.0.113.10",
      details: { from: acme.accountId },
    });
  });

  it("refuses an account the user is not a member of: not found, no cookie, no event", async () => {
    const before = await snapshotAccount(stranger.accountId);
    expect(await switchAccountAction({ accountId: stranger.accountId })).toEqual({ ok: false, error: "Account not found." });
    expect(state.cookies.has(ACTIVE_ACCOUNT_COOKIE)).toBe(false);
    expect(await snapshotAccount(stranger.accountId)).toEqual(before);
  });

  it("refuses without a session and rejects bad input with a field error", async () => {
    expect(await switchAccountAction({ accountId: "" })).toMatchObject({ ok: false, fieldErrors: { accountId: ["Choose an account"] } });
    state.session = null;
    expect(await switchAccountAction({ accountId: globex.accountId })).toMatchObject({ ok: false, error: expect.stringContaining("Sign in") });
    expect(state.cookies.has(ACTIVE_ACCOUNT_COOKIE)).toBe(false);
  });
});

describe("the demo seed", () => {
  it("creates consultant@example.com as admin in Acme Ltd. (oldest) and developer in Globex", async () => {
    const { seedDemo } = await import("@/scripts/seed-demo");
    const prisma = await getPrisma();
    await seedDemo(prisma);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "consultant@example.com" } });
    const ctx = await loadActorContext(user.id);
    expect(ctx).toMatchObject({ accountName: "Acme Ltd.", role: "admin" });
    const memberships = await prisma.membership.findMany({ where: { userId: user.id }, select: { role: true, account: { select: { name: true } } } });
    expect(memberships.map((m) => [m.account.name, m.role]).sort()).toEqual([["Acme Ltd.", "admin"], ["Globex", "developer"]]);
  });
});
