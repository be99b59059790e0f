/**
 * Team: invitations (single-use hashed tokens that expire, resend kills the old link, revoke), accepting as an
 * existing or a new person, role changes within one's own rank, and the last owner, who can never be removed,
 * demoted or leave — also when two owners demote each other at once (SECURITY-TESTS #24, #25, #26).
 */
import { describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/core/registry";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { acceptInvitation, findInvitation, inviteMember, resendInvitation, revokeInvitation, tokenHash } from "@/modules/members/data/invitations";
import { changeMemberRole, leaveAccount, leaveAccountById, removeMember, transferOwnership } from "@/modules/members/data/members";
import { createTestAccount } from "../support/fixtures";

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

/** The token from the newest invitation email to `to` (as the invitee would click it). */
async function tokenFromOutbox(to: string): Promise<string> {
  const mail = await (await getPrisma()).outboxEmail.findFirstOrThrow({ where: { to, kind: "invitation" }, orderBy: { createdAt: "desc" } });
  return /\/invitations\/([\w-]+)/.exec(mail.text)![1]!;
}
const roles = async (accountId: string) =>
  Object.fromEntries((await (await getPrisma()).membership.findMany({ where: { accountId }, select: { role: true, user: { select: { email: true } } } })).map((m) => [m.user.email, m.role]));

describe("invitations", () => {
  it("an admin invites a developer: an email with a link; only the token's hash is stored", async () => {
    const acct = await createTestAccount("Team");
    await inviteMember(acct.ctx.admin, "new.dev@example.test", "developer");
    const token = await tokenFromOutbox("new.dev@example.test");
    const row = await (await getPrisma()).invitation.findFirstOrThrow({ where: { accountId: acct.accountId } });
    expect(row.tokenHash).toBe(tokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(await findInvitation(token)).toEqual({ email: "new.dev@example.test", role: "developer", accountName: acct.name, userExists: false });
  });

  it.each([
    ["an admin invites an owner", "admin", "owner", ForbiddenError],
    ["a developer invites anyone", "developer", "viewer", ForbiddenError],
    ["a viewer invites anyone", "viewer", "viewer", ForbiddenError],
  ] as const)("%s: refused, nothing sent", async (_label, as, role, type) => {
    const acct = await createTestAccount("Team");
    expect(await errorOf(inviteMember(acct.ctx[as], "x@example.test", role))).toBeInstanceOf(type);
    expect(await (await getPrisma()).outboxEmail.count({ where: { to: "x@example.test" } })).toBe(0);
  });

  it("an existing member, or a second pending invitation, is a field error", async () => {
    const acct = await createTestAccount("Team");
    expect(((await errorOf(inviteMember(acct.ctx.owner, acct.ctx.viewer.email, "viewer"))) as ValidationError).fieldErrors?.email?.[0]).toContain("is already a member");
    await inviteMember(acct.ctx.owner, "twice@example.test", "viewer");
    expect(((await errorOf(inviteMember(acct.ctx.owner, "TWICE@example.test", "viewer"))) as ValidationError).fieldErrors?.email?.[0]).toContain("already has a pending invitation");
  });

  it("resend: a new link works, the old one is dead; revoke: the link is dead", async () => {
    const acct = await createTestAccount("Team");
    await inviteMember(acct.ctx.owner, "resend@example.test", "viewer");
    const first = await tokenFromOutbox("resend@example.test");
    const { id } = await (await getPrisma()).invitation.findFirstOrThrow({ where: { accountId: acct.accountId } });
    await new Promise((r) => setTimeout(r, 5));
    await resendInvitation(acct.ctx.owner, id);
    const second = await tokenFromOutbox("resend@example.test");
    expect(second).not.toBe(first);
    expect(await findInvitation(first)).toBeNull();
    expect(await findInvitation(second)).not.toBeNull();
    await revokeInvitation(acct.ctx.owner, id);
    expect(await findInvitation(second)).toBeNull();
  });

  it("accepting: the invited user joins once; reuse, another person, expiry and tampering are refused", async () => {
    const acct = await createTestAccount("Team");
    const other = await createTestAccount("Other");
    await inviteMember(acct.ctx.owner, other.ctx.viewer.email, "developer");
    const token = await tokenFromOutbox(other.ctx.viewer.email);
    expect(await errorOf(acceptInvitation(token, { userId: other.ctx.owner.userId }))).toBeInstanceOf(AppError); // not the invited email
    expect(await errorOf(acceptInvitation(`${token}x`, { userId: other.ctx.viewer.userId }))).toBeInstanceOf(AppError);
    expect(await acceptInvitation(token, { userId: other.ctx.viewer.userId })).toMatchObject({ accountId: acct.accountId });
    expect((await roles(acct.accountId))[other.ctx.viewer.email]).toBe("developer");
    expect(await errorOf(acceptInvitation(token, { userId: other.ctx.viewer.userId }))).toBeInstanceOf(AppError);

    await inviteMember(acct.ctx.owner, "late@example.test", "viewer");
    const late = await tokenFromOutbox("late@example.test");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 7 * 86_400_000 + 1000);
    try {
      expect(await findInvitation(late)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    await (await getPrisma()).invitation.updateMany({ where: { email: "late@example.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await errorOf(acceptInvitation(late, { newUser: { name: "Late", passwordHash: "x" } }))).toBeInstanceOf(AppError);
    expect(await (await getPrisma()).user.count({ where: { email: "late@example.test" } })).toBe(0); // all or nothing
  });

  it("a new person accepts: user and membership in one go", async () => {
    const acct = await createTestAccount("Team");
    await inviteMember(acct.ctx.owner, "fresh@example.test", "viewer");
    const token = await tokenFromOutbox("fresh@example.test");
    const { userId } = await acceptInvitation(token, { newUser: { name: "Fresh Person", passwordHash: "hash" } });
    expect(await (await getPrisma()).user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email: "fresh@example.test", name: "Fresh Person" });
    expect((await roles(acct.accountId))["fresh@example.test"]).toBe("viewer");
  });
});

describe("roles and the last owner", () => {
  it("nobody grants above their own role; only an owner touches an owner", async () => {
    const acct = await createTestAccount("Team");
    expect(await errorOf(changeMemberRole(acct.ctx.admin, acct.ctx.viewer.userId, "owner"))).toBeInstanceOf(ForbiddenError);
    expect(await errorOf(changeMemberRole(acct.ctx.admin, acct.ctx.owner.userId, "viewer"))).toBeInstanceOf(ForbiddenError);
    expect(await errorOf(removeMember(acct.ctx.admin, acct.ctx.owner.userId))).toBeInstanceOf(ForbiddenError);
    expect(await errorOf(changeMemberRole(acct.ctx.developer, acct.ctx.viewer.userId, "developer"))).toBeInstanceOf(ForbiddenError);
    await changeMemberRole(acct.ctx.admin, acct.ctx.viewer.userId, "admin");
    expect((await roles(acct.accountId))[acct.ctx.viewer.email]).toBe("admin");
    expect(await (await getPrisma()).outboxEmail.count({ where: { to: acct.ctx.viewer.email, kind: "member_changed" } })).toBe(1);
  });

  it("the last owner cannot be demoted, removed or leave; after a transfer the old owner can leave", async () => {
    const acct = await createTestAccount("Team");
    const owner = acct.ctx.owner;
    // One at a time: started together, a later rejection would be unhandled until its turn.
    for (const attempt of [() => changeMemberRole(owner, owner.userId, "admin"), () => removeMember(owner, owner.userId), () => leaveAccount(owner)]) {
      expect(((await errorOf(attempt())) as Error).message).toBe("The account must keep at least one owner. Make someone else an owner first.");
    }
    await transferOwnership(owner, acct.ctx.admin.userId);
    expect(await roles(acct.accountId)).toMatchObject({ [owner.email]: "admin", [acct.ctx.admin.email]: "owner" });
    await leaveAccount({ ...owner, role: "admin" });
    expect((await roles(acct.accountId))[owner.email]).toBeUndefined();
  });

  it("leaving from the profile page: any direct membership by id, never the last owner, never someone else's account", async () => {
    const acct = await createTestAccount("Leave");
    const other = await createTestAccount("Stranger");
    const dev = acct.ctx.developer;
    const activeElsewhere = { ...dev, accountId: other.accountId }; // the active account does not matter
    expect(await errorOf(leaveAccountById(activeElsewhere, other.accountId))).toBeInstanceOf(NotFoundError);
    expect(((await errorOf(leaveAccountById(acct.ctx.owner, acct.accountId))) as Error).message).toMatch(/at least one owner/);
    await leaveAccountById(activeElsewhere, acct.accountId);
    expect((await roles(acct.accountId))[dev.email]).toBeUndefined();
    expect((await roles(other.accountId))[dev.email]).toBeUndefined();
    expect(await errorOf(leaveAccountById(dev, acct.accountId))).toBeInstanceOf(NotFoundError);
  });

  it.skipIf(!isPostgres)("two owners demoting each other at once leave exactly one owner (PostgreSQL)", async () => {
    for (let round = 0; round < 5; round++) {
      const acct = await createTestAccount("Race");
      await changeMemberRole(acct.ctx.owner, acct.ctx.admin.userId, "owner");
      const a = acct.ctx.owner;
      const b = { ...acct.ctx.admin, role: "owner" as const };
      await Promise.allSettled([changeMemberRole(a, b.userId, "admin"), changeMemberRole(b, a.userId, "admin")]);
      const owners = Object.values(await roles(acct.accountId)).filter((r) => r === "owner");
      expect(owners, `round ${round}`).toHaveLength(1);
    }
  });

  it("two owners removing each other at once leave exactly one owner (either database)", async () => {
    const acct = await createTestAccount("Race");
    await changeMemberRole(acct.ctx.owner, acct.ctx.admin.userId, "owner");
    const a = acct.ctx.owner;
    const b = { ...acct.ctx.admin, role: "owner" as const };
    await Promise.allSettled([removeMember(a, b.userId), removeMember(b, a.userId)]);
    expect(Object.values(await roles(acct.accountId)).filter((r) => r === "owner")).toHaveLength(1);
  });
});
