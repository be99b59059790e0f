/**
 * The integrators' public form and the staff decision, through the real actions: flood limits per IP and per
 * email, the honeypot, the email link (single use, expiring, stored hashed) before anything reaches staff; only
 * staff decide; an approval that fails midway leaves nothing behind; the new person is invited.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ session: null as { user: { id: string } } | null, ip: "203.0.113.1", failInvitation: false }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => state.session) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-dc-client-ip": state.ip }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/core/mail/outbox", async (original) => {
  const real = await original<typeof import("@/core/mail/outbox")>();
  return {
    enqueueEmail: vi.fn(async (...args: Parameters<typeof real.enqueueEmail>) => {
      if (state.failInvitation && args[1] === "invitation") throw new Error("simulated failure midway");
      return real.enqueueEmail(...args);
    }),
  };
});

import crypto from "node:crypto";
import { getPrisma } from "@/core/registry";
import { confirmPublicRequestAction, submitPublicRequestAction } from "@/modules/developer-accounts/actions";
import type { PublicRequestValues } from "@/modules/developer-accounts/schema";
import { approveRequestAction, declineRequestAction } from "@/modules/staff/actions";
import { createTestAccount } from "../support/fixtures";
import { newStaff, outboxTo } from "../support/developer-accounts";

const tag = () => crypto.randomBytes(4).toString("hex");
const form = (email: string, overrides: Partial<PublicRequestValues> = {}): PublicRequestValues => ({
  useCase: "integrator", company: "Connectors Inc.", contactName: "Ivy Integrator", contactEmail: email,
  description: "A connector between Shopware and the sending platform", platform: "Shopware", website: "https://connectors.example", fax: "", ...overrides,
});
const tokenIn = (text: string) => /\/developer-accounts\/confirm\/([\w-]+)/.exec(text)?.[1] ?? null;
const notFound = (e: unknown) => (e as { digest?: string }).digest?.startsWith("NEXT_HTTP_ERROR_FALLBACK;404") === true;
const TOO_MANY = { ok: false, error: "Too many requests. Try again later." };

async function submitAndConfirm(email: string) {
  expect(await submitPublicRequestAction(form(email))).toEqual({ ok: true, data: { sentTo: email } });
  const token = tokenIn((await outboxTo(email))[0]!.text)!;
  expect(await confirmPublicRequestAction({ token })).toEqual({ ok: true, data: undefined });
  return (await (await getPrisma()).staffRequest.findFirstOrThrow({ where: { requesterEmail: email } })).id;
}

beforeEach(() => {
  state.session = null;
  state.ip = `2001:db8::${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}`; // a client of its own per test
  state.failInvitation = false;
});

describe("public form abuse", () => {
  it("the honeypot: answered like a success, nothing stored or sent", async () => {
    const email = `bot-${tag()}@example.test`;
    expect(await submitPublicRequestAction(form(email, { fax: "+1 555 0100" }))).toEqual({ ok: true, data: { sentTo: email } });
    expect(await (await getPrisma()).developerAccountRequest.count({ where: { contactEmail: email } })).toBe(0);
    expect(await outboxTo(email)).toEqual([]);
  });

  it("10 requests an hour per IP, then refused", async () => {
    for (let i = 0; i < 10; i++) expect(await submitPublicRequestAction(form(`ip-${i}-${tag()}@example.test`))).toMatchObject({ ok: true });
    expect(await submitPublicRequestAction(form(`ip-11-${tag()}@example.test`))).toEqual(TOO_MANY);
  });

  it("3 requests a day per email, from any IP, then refused", async () => {
    const email = `flood-${tag()}@example.test`;
    for (let i = 0; i < 3; i++) {
      state.ip = `198.51.100.${crypto.randomInt(0, 250)}`;
      expect(await submitPublicRequestAction(form(email))).toMatchObject({ ok: true });
    }
    state.ip = "2001:db8:ffff::1";
    expect(await submitPublicRequestAction(form(email))).toEqual(TOO_MANY);
    expect(await outboxTo(email)).toHaveLength(3);
  });

  it("unconfirmed never reaches staff; the link works once, is stored hashed, and expires", async () => {
    const prisma = await getPrisma();
    const email = `ivy-${tag()}@example.test`;
    await submitPublicRequestAction(form(email));
    const token = tokenIn((await outboxTo(email))[0]!.text)!;
    expect(await prisma.staffRequest.count({ where: { requesterEmail: email } })).toBe(0);
    expect(JSON.stringify(await prisma.developerAccountRequest.findFirst({ where: { contactEmail: email } }))).not.toContain(token);
    expect(await confirmPublicRequestAction({ token: `${token}x` })).toMatchObject({ ok: false });
    expect(await confirmPublicRequestAction({ token })).toEqual({ ok: true, data: undefined });
    expect(await prisma.staffRequest.count({ where: { requesterEmail: email } })).toBe(1);
    expect(await confirmPublicRequestAction({ token })).toEqual({ ok: false, error: "This confirmation link is no longer valid. Send the form again." });

    const late = `late-${tag()}@example.test`;
    await submitPublicRequestAction(form(late));
    await prisma.developerAccountRequest.updateMany({ where: { contactEmail: late }, data: { confirmExpiresAt: new Date(Date.now() - 1000) } });
    expect(await confirmPublicRequestAction({ token: tokenIn((await outboxTo(late))[0]!.text)! })).toMatchObject({ ok: false });
    expect(await prisma.staffRequest.count({ where: { requesterEmail: late } })).toBe(0);
  });

  it("the public form takes integrators only", async () => {
    const result = await submitPublicRequestAction({ ...form(`x-${tag()}@example.test`), useCase: "staging" } as unknown as PublicRequestValues);
    expect(result).toMatchObject({ ok: false, fieldErrors: { useCase: ["The public form is for system integrators"] } });
  });
});

describe("staff decisions on a public request", () => {
  it("only staff: owners, admins and visitors get a 404 and nothing is created", async () => {
    const id = await submitAndConfirm(`ivy-${tag()}@example.test`);
    const acme = await createTestAccount("Acme");
    for (const session of [{ user: { id: acme.ctx.owner.userId } }, { user: { id: acme.ctx.admin.userId } }, null]) {
      state.session = session;
      expect(notFound(await approveRequestAction({ id, newLimit: 0 }).catch((e: unknown) => e))).toBe(true);
      expect(notFound(await declineRequestAction({ id, reason: "no" }).catch((e: unknown) => e))).toBe(true);
    }
    const prisma = await getPrisma();
    expect(await prisma.staffRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending" });
    expect(await prisma.account.count({ where: { kind: "developer" } })).toBe(0);
  });

  it("approval is atomic: a failure midway leaves no account, membership, invitation or email", async () => {
    const email = `ivy-${tag()}@example.test`;
    const id = await submitAndConfirm(email);
    state.session = { user: { id: (await newStaff()).userId } };
    const prisma = await getPrisma();
    const before = { accounts: await prisma.account.count(), invitations: await prisma.invitation.count(), emails: await prisma.outboxEmail.count(), events: await prisma.auditEvent.count() };
    state.failInvitation = true;
    expect(await approveRequestAction({ id, newLimit: 0 })).toEqual({ ok: false, error: "Something went wrong. Please try again." });
    expect({ accounts: await prisma.account.count(), invitations: await prisma.invitation.count(), emails: await prisma.outboxEmail.count(), events: await prisma.auditEvent.count() }).toEqual(before);
    expect(await prisma.staffRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", decidedById: null });
    expect(await prisma.developerAccountRequest.findFirstOrThrow({ where: { staffRequestId: id } })).toMatchObject({ status: "pending", developerAccountId: null });

    state.failInvitation = false;
    expect(await approveRequestAction({ id, newLimit: 0 })).toEqual({ ok: true, data: undefined });
    const dev = await prisma.account.findFirstOrThrow({ where: { developerRequestOrigin: { staffRequestId: id } } });
    expect(dev).toMatchObject({ kind: "developer", name: "Connectors Inc. (developer)", mainAccountId: null, production: false });
    expect(await prisma.invitation.findFirstOrThrow({ where: { accountId: dev.id } })).toMatchObject({ email, role: "owner", acceptedAt: null });
    expect((await outboxTo(email)).map((e) => e.kind)).toEqual(["email_confirmation", "invitation", "developer_account"]);
  });
});
