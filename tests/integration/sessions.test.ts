/** Server-side sessions behind the JWT cookie (lib/auth/sessions.ts): only live, unrevoked sessions of their own user count. */
import { describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/core/registry";
import { createSession, isSessionActive, revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { createTestAccount } from "../support/fixtures";

const REQUEST = { ip: "203.0.113.5", userAgent: "vitest" };

describe("sessions", () => {
  it("a new session is active for its user only, and is stored as a hash", async () => {
    const { ctx } = await createTestAccount("Sessions");
    const sid = await createSession(ctx.owner.userId, REQUEST);
    expect(await isSessionActive(sid, ctx.owner.userId)).toBe(true);
    expect(await isSessionActive(sid, ctx.admin.userId)).toBe(false);
    expect(await isSessionActive(`${sid}x`, ctx.owner.userId)).toBe(false);
    expect(await isSessionActive(undefined, ctx.owner.userId)).toBe(false);
    const rows = await (await getPrisma()).userSession.findMany({ where: { userId: ctx.owner.userId } });
    expect(rows.map((r) => r.id)).not.toContain(sid);
    expect(rows[0]).toMatchObject({ ip: "203.0.113.5", userAgent: "vitest", revokedAt: null });
  });

  it("revokeSession ends that session only", async () => {
    const { ctx } = await createTestAccount("Sessions");
    const [a, b] = [await createSession(ctx.owner.userId, REQUEST), await createSession(ctx.owner.userId, REQUEST)];
    await revokeSession(a);
    expect([await isSessionActive(a, ctx.owner.userId), await isSessionActive(b, ctx.owner.userId)]).toEqual([false, true]);
  });

  it("revokeAllSessions ends every session of the user but the one kept, and no one else's", async () => {
    const { ctx } = await createTestAccount("Sessions");
    const mine = await Promise.all([1, 2, 3].map(() => createSession(ctx.owner.userId, REQUEST)));
    const theirs = await createSession(ctx.admin.userId, REQUEST);
    expect(await revokeAllSessions(ctx.owner.userId, mine[0])).toBe(2);
    expect(await Promise.all(mine.map((s) => isSessionActive(s, ctx.owner.userId)))).toEqual([true, false, false]);
    expect(await revokeAllSessions(ctx.owner.userId)).toBe(1);
    expect(await isSessionActive(mine[0], ctx.owner.userId)).toBe(false);
    expect(await isSessionActive(theirs, ctx.admin.userId)).toBe(true);
  });

  it("an expired session is not active", async () => {
    const { ctx } = await createTestAccount("Sessions");
    const sid = await createSession(ctx.owner.userId, REQUEST);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 8 * 60 * 60 * 1000 - 1000);
      expect(await isSessionActive(sid, ctx.owner.userId)).toBe(true);
      vi.setSystemTime(Date.now() + 2000);
      expect(await isSessionActive(sid, ctx.owner.userId)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
