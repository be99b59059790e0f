/**
 * Lock-out as a denial of service (SECURITY-TESTS #20): strangers guessing a user's password from many addresses
 * slow down unknown clients progressively, but never block the real user's known device (OWASP device cookies).
 */
import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", async () => ({ CredentialsSignin: (await import("@auth/core/errors")).CredentialsSignin }));
import { getPrisma } from "@/core/registry";
import { hashPassword } from "@/lib/auth/password";
import { deviceCookieName, deviceCookieValue, verifyDeviceCookie } from "@/lib/auth/device-cookie";
import { loginWaitSeconds, verifyLogin } from "@/modules/auth/data/credentials";

const PASSWORD = "correct horse battery staple";
let ipCounter = 10;
const freshIp = () => `198.18.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

async function createUser() {
  const email = `lockout-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const user = await (await getPrisma()).user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email };
}

function request(ip: string, cookie?: string) {
  return new Request("http://x", { headers: { "x-dc-client-ip": ip, ...(cookie ? { cookie } : {}) } });
}
const attempt = (email: string, password: string, ip: string, cookie?: string) => verifyLogin({ email, password }, request(ip, cookie));

/**
 * A patient attacker: `count` wrong passwords, each from a new address, waiting out any delay first (on the
 * faked clock) so that every guess is counted. Returns the wait an unknown client faces afterwards.
 */
async function guess(email: string, count: number): Promise<number> {
  for (let i = 0; i < count; i++) {
    const ip = freshIp();
    const wait = await loginWaitSeconds(email, request(ip).headers);
    vi.setSystemTime(Date.now() + wait * 1000);
    expect(await attempt(email, `guess-${i}-${crypto.randomUUID()}`, ip)).toBeNull();
  }
  return loginWaitSeconds(email, request(freshIp()).headers);
}

afterEach(() => void vi.useRealTimers());

describe("device cookies", () => {
  it("verify only for the email and value they were issued for", () => {
    const value = deviceCookieValue("a@example.test");
    expect(verifyDeviceCookie("a@example.test", value)).toMatch(/^[\w-]{16,}$/);
    expect(verifyDeviceCookie("b@example.test", value)).toBeNull();
    const [nonce, signature] = value.split(".");
    expect(verifyDeviceCookie("a@example.test", `${nonce}x.${signature}`)).toBeNull();
    const tampered = signature!.slice(0, -1) + (signature!.endsWith("A") ? "B" : "A");
    expect(verifyDeviceCookie("a@example.test", `${nonce}.${tampered}`)).toBeNull();
    expect(verifyDeviceCookie("a@example.test", "")).toBeNull();
    expect(deviceCookieName("a@example.test")).not.toContain("a@example");
  });
});

describe("the real user is not locked out by strangers", () => {
  it("5 wrong passwords from each of 4 addresses (the tester's finding): the known device signs in at once; an unknown client waits at most 60 s", async () => {
    const user = await createUser();
    const device = `${deviceCookieName(user.email)}=${deviceCookieValue(user.email)}`;
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let a = 0; a < 4; a++) {
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        // Refused guesses count for nothing; the attacker keeps trying at full speed.
        await attempt(user.email, `guess-${a}-${i}`, ip).catch((e: unknown) => expect(e).toMatchObject({ code: "rate_limited" }));
      }
    }
    // Known device, new network: straight in.
    expect(await attempt(user.email, PASSWORD, freshIp(), device)).toMatchObject({ id: user.id });
    // Unknown client: held back, with the real wait, never more than 60 s …
    const stranger = freshIp();
    await expect(attempt(user.email, PASSWORD, stranger)).rejects.toMatchObject({ code: "rate_limited" });
    const wait = await loginWaitSeconds(user.email, request(stranger).headers);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // … and let through when it is over.
    vi.setSystemTime(Date.now() + wait * 1000);
    expect(await attempt(user.email, PASSWORD, stranger)).toMatchObject({ id: user.id });
  });

  it("the delay for unknown clients grows 1, 2, 4, 8 … s from the 10th failure and stops at 60 s", async () => {
    const user = await createUser();
    vi.useFakeTimers({ toFake: ["Date"] });
    const EXPECTED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60];
    const seen: number[] = [];
    for (let i = 0; i < EXPECTED.length; i++) seen.push(await guess(user.email, 1));
    expect(seen).toEqual(EXPECTED);
    // The 60 s delay still holds one second before its end, and is over at its end.
    const t0 = Date.now();
    const stranger = freshIp();
    vi.setSystemTime(t0 + 59_000);
    await expect(attempt(user.email, PASSWORD, stranger)).rejects.toMatchObject({ code: "rate_limited" });
    vi.setSystemTime(t0 + 60_000);
    expect(await attempt(user.email, PASSWORD, stranger)).toMatchObject({ id: user.id });
  });

  it("a known device has a bucket of its own: 10 failures block that device for 60 s, not the person", async () => {
    const user = await createUser();
    const device = `${deviceCookieName(user.email)}=${deviceCookieValue(user.email)}`;
    const ip = freshIp();
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) expect(await attempt(user.email, `typo-${i}`, freshIp(), device)).toBeNull();
    await expect(attempt(user.email, PASSWORD, ip, device)).rejects.toMatchObject({ code: "rate_limited" });
    // Another known device of the same person is not affected.
    const laptop = `${deviceCookieName(user.email)}=${deviceCookieValue(user.email)}`;
    expect(await attempt(user.email, PASSWORD, freshIp(), laptop)).toMatchObject({ id: user.id });
    vi.setSystemTime(t0 + 59_000);
    await expect(attempt(user.email, PASSWORD, ip, device)).rejects.toMatchObject({ code: "rate_limited" });
    vi.setSystemTime(t0 + 60_000);
    expect(await attempt(user.email, PASSWORD, ip, device)).toMatchObject({ id: user.id });
  });

  it("a forged device cookie counts as an unknown client", async () => {
    const user = await createUser();
    vi.useFakeTimers({ toFake: ["Date"] });
    expect(await guess(user.email, 10)).toBe(1);
    const forged = `${deviceCookieName(user.email)}=${deviceCookieValue("someone-else@example.test")}`;
    await expect(attempt(user.email, PASSWORD, freshIp(), forged)).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("bursts of parallel attempts (the security review's finding)", () => {
  const checked = (outcomes: PromiseSettledResult<unknown>[]) => outcomes.filter((o) => o.status === "fulfilled").length;
  const refused = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes.filter((o) => o.status === "rejected" && (o.reason as { code?: string }).code === "rate_limited").length;

  it("80 at once from one address: at most 5 passwords are checked, and the right one in the middle does not get in", async () => {
    const user = await createUser();
    const ip = freshIp();
    const outcomes = await Promise.allSettled(Array.from({ length: 80 }, (_, i) => attempt(user.email, i === 40 ? PASSWORD : `guess-${i}`, ip)));
    expect(checked(outcomes)).toBeLessThanOrEqual(5);
    expect(checked(outcomes) + refused(outcomes)).toBe(80);
    expect(outcomes.some((o) => o.status === "fulfilled" && o.value !== null)).toBe(false);
  });

  it("80 at once from 80 addresses: at most 10 are checked before the per-email delay holds the rest", async () => {
    const user = await createUser();
    const outcomes = await Promise.allSettled(Array.from({ length: 80 }, (_, i) => attempt(user.email, `guess-${i}`, freshIp())));
    expect(checked(outcomes)).toBeLessThanOrEqual(10);
    expect(refused(outcomes)).toBeGreaterThanOrEqual(70);
  });

  it("30 at once from one known device: at most 10 are checked", async () => {
    const user = await createUser();
    const device = `${deviceCookieName(user.email)}=${deviceCookieValue(user.email)}`;
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => attempt(user.email, `typo-${i}`, freshIp(), device)));
    expect(checked(outcomes)).toBeLessThanOrEqual(10);
  });

  it("a malformed device cookie is ignored: the right password still signs in", async () => {
    const user = await createUser();
    expect(await attempt(user.email, PASSWORD, freshIp(), `${deviceCookieName(user.email)}=%E0%A4%A`)).toMatchObject({ id: user.id });
  });

  it("a device cookie from before 'sign out everywhere' no longer counts as a known device", async () => {
    const user = await createUser();
    const device = `${deviceCookieName(user.email)}=${deviceCookieValue(user.email, 0)}`;
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { deviceEpoch: 1 } });
    vi.useFakeTimers({ toFake: ["Date"] });
    expect(await guess(user.email, 10)).toBe(1);
    await expect(attempt(user.email, PASSWORD, freshIp(), device)).rejects.toMatchObject({ code: "rate_limited" });
    const current = `${deviceCookieName(user.email)}=${deviceCookieValue(user.email, 1)}`;
    expect(await attempt(user.email, PASSWORD, freshIp(), current)).toMatchObject({ id: user.id });
  });
});
