/**
 * Auth.js `authorize` against a real argon2id hash. The login limiter lives in memory for the whole file's
 * process, so every test uses its own email and its own client IPs.
 */
import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

// next-auth 5 beta imports "next/server" without an extension, which plain Node ESM (vitest) cannot resolve.
// credentials.ts only needs CredentialsSignin, which next-auth re-exports unchanged from @auth/core: use that.
vi.mock("next-auth", async () => ({ CredentialsSignin: (await import("@auth/core/errors")).CredentialsSignin }));
import { getPrisma } from "@/core/registry";
import { TooManyAttempts, verifyLogin } from "@/modules/auth/data/credentials";
import { hashPassword } from "@/lib/auth/password";
import { CredentialsSignin } from "@auth/core/errors";

const PASSWORD = "correct horse battery staple";

async function createUser(name = "Login User") {
  const prisma = await getPrisma();
  const email = `login-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const user = await prisma.user.create({ data: { email, name, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name };
}

let ipCounter = 10;
const freshIp = () => `192.0.2.${ipCounter++}`;
const from = (ip: string) => new Request("http://x", { headers: { "x-dc-client-ip": ip } });
const attempt = (email: string, password: string, ip: string) => verifyLogin({ email, password }, from(ip));
const settle = (p: Promise<unknown>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

describe("verifyLogin", () => {
  it("returns the user for the right password (email is trimmed and case-insensitive)", async () => {
    const user = await createUser("Ada");
    const signedIn = await attempt(user.email, PASSWORD, freshIp());
    expect(signedIn).toEqual({ id: user.id, email: user.email, name: "Ada", sessionId: expect.stringMatching(/^[\w-]{43}$/) });
    // The session exists server-side, under the hash of its id only.
    const rows = await (await getPrisma()).userSession.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id).not.toContain(signedIn!.sessionId!);
    expect(await attempt(`  ${user.email.toUpperCase()} `, PASSWORD, freshIp())).toMatchObject({ id: user.id });
  });

  it("returns null for a wrong password, an unknown email or malformed input", async () => {
    const user = await createUser();
    expect(await attempt(user.email, "wrong password", freshIp())).toBeNull();
    expect(await attempt(user.email, PASSWORD.toUpperCase(), freshIp())).toBeNull();
    expect(await attempt(`nobody-${crypto.randomUUID()}@example.test`, PASSWORD, freshIp())).toBeNull();
    expect(await verifyLogin({ email: "not-an-email", password: PASSWORD }, from(freshIp()))).toBeNull();
    expect(await verifyLogin({ email: user.email }, from(freshIp()))).toBeNull();
    expect(await verifyLogin(null, from(freshIp()))).toBeNull();
  });

  it("after 5 failures from one IP the next attempt is rate limited, even with the right password", async () => {
    const user = await createUser();
    const ip = "192.0.2.55";
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `wrong-${i}`, ip)).toBeNull();

    const blocked = await settle(attempt(user.email, PASSWORD, ip));
    expect(blocked).toHaveProperty("error");
    const error = (blocked as { error: unknown }).error;
    expect(error).toBeInstanceOf(TooManyAttempts);
    expect(error).toBeInstanceOf(CredentialsSignin); // Auth.js turns it into ?code=rate_limited
    expect(error).toMatchObject({ code: "rate_limited" });
    // Still blocked: the refused attempt did not reset anything.
    await expect(attempt(user.email, PASSWORD, ip)).rejects.toMatchObject({ code: "rate_limited" });

    // The real user on another network is not locked out.
    expect(await attempt(user.email, PASSWORD, freshIp())).toMatchObject({ id: user.id });
  });

  it("four failures are not yet a block, and a success clears the email+IP counter", async () => {
    const user = await createUser();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, `typo-${i}`, ip)).toBeNull();
    expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ id: user.id });
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, `typo-again-${i}`, ip)).toBeNull();
    expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ id: user.id });
  });

  it("failures for one email do not block another user on the same IP", async () => {
    const [victim, bystander] = await Promise.all([createUser(), createUser()]);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await attempt(victim.email, `guess-${i}`, ip);
    await expect(attempt(victim.email, PASSWORD, ip)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await attempt(bystander.email, PASSWORD, ip)).toMatchObject({ id: bystander.id });
  });

  it("unknown emails are throttled the same way (no user enumeration through the limiter)", async () => {
    const ghost = `ghost-${crypto.randomUUID()}@example.test`;
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await attempt(ghost, `guess-${i}`, ip)).toBeNull();
    await expect(attempt(ghost, PASSWORD, ip)).rejects.toMatchObject({ code: "rate_limited" });
  });

  describe("block duration", () => {
    afterEach(() => void vi.useRealTimers());

    // rate-limiter-flexible's memory store keeps each record's expiresAt = Date.now() + duration and answers
    // msBeforeNext = expiresAt - Date.now(); its (unref'd, real) setTimeout only deletes the record later. So
    // faking Date alone makes a block's end exact and deterministic; no timers need to run.
    async function blockedUser() {
      const user = await createUser();
      const ip = freshIp();
      vi.useFakeTimers({ toFake: ["Date"] }); // the in-memory limiter reads Date.now()
      for (let i = 0; i < 5; i++) await attempt(user.email, `wrong-${i}`, ip);
      await expect(attempt(user.email, PASSWORD, ip)).rejects.toMatchObject({ code: "rate_limited" });
      return { user, ip };
    }

    it("a block is temporary: once the 15-minute window has passed the user can sign in again", async () => {
      const { user, ip } = await blockedUser();
      vi.setSystemTime(Date.now() + 15 * 60_000 + 1_000);
      expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ id: user.id });
    });

    // Each fixed-duration bucket of lib/auth/throttle.ts, written out: how it fills, and its blockDuration in
    // seconds. (The per-email bucket is a progressive delay: login-lockout.test.ts.)
    // Regression: failures were once recorded with penalty(), which never applies blockDuration.
    const BUCKETS: [string, number, (email: string) => Promise<string>][] = [
      ["email+IP (5 failures from one IP)", 60, async (email) => {
        const ip = freshIp();
        for (let i = 0; i < 5; i++) expect(await attempt(email, `wrong-${i}`, ip)).toBeNull();
        return ip;
      }],
      ["IP (50 failures for 50 other emails)", 5 * 60, async () => {
        const ip = freshIp();
        for (let i = 0; i < 50; i++) expect(await attempt(`spray-${i}-${crypto.randomUUID()}@example.test`, "guess", ip)).toBeNull();
        return ip;
      }],
    ];

    it.each(BUCKETS)("the %s block still holds 1 s before its %i s end and is lifted at the end", async (_label, blockSeconds, fill) => {
      const user = await createUser();
      vi.useFakeTimers({ toFake: ["Date"] }); // frozen: every failure, and so the block, starts at t0
      const t0 = Date.now();
      const ip = await fill(user.email);
      await expect(attempt(user.email, PASSWORD, ip)).rejects.toMatchObject({ code: "rate_limited" });

      vi.setSystemTime(t0 + blockSeconds * 1000 - 1000);
      await expect(attempt(user.email, PASSWORD, ip)).rejects.toMatchObject({ code: "rate_limited" });

      // The refused attempt just before the end did not extend the block.
      vi.setSystemTime(t0 + blockSeconds * 1000);
      expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ id: user.id });
    });
  });
});
