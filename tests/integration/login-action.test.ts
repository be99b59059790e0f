/** The sign-in action goes through the public variant of the action wrapper: same validation and result shape. */
import { describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({
  calls: [] as unknown[],
  outcome: "ok" as "ok" | "wrong" | "throttled" | "boom",
  cookies: new Map<string, string>(),
  session: null as { sessionId?: string } | null,
}));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-dc-client-ip": "203.0.113.40" }),
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void state.cookies.set(name, value),
  }),
}));

// next-auth 5 beta imports "next/server" without an extension, which plain Node ESM (vitest) cannot resolve;
// the action needs only its error classes, which it re-exports unchanged from @auth/core (as login.test.ts does).
vi.mock("next-auth", async () => {
  const errors = await import("@auth/core/errors");
  return { AuthError: errors.AuthError, CredentialsSignin: errors.CredentialsSignin };
});
vi.mock("@/auth", () => ({
  signIn: vi.fn(async (_provider: string, input: unknown) => {
    state.calls.push(input);
    if (state.outcome === "wrong") throw new CredentialsSignin();
    if (state.outcome === "throttled") throw new TooManyAttempts();
    if (state.outcome === "boom") throw new TypeError("database down");
  }),
  signOut: vi.fn(),
  auth: vi.fn(async () => state.session),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { CredentialsSignin } from "@auth/core/errors";
import { loginAction } from "@/modules/auth/actions";
import { TooManyAttempts } from "@/modules/auth/data/credentials";
import { deviceCookieName, verifyDeviceCookie } from "@/lib/auth/device-cookie";
import { KEYS_PATH } from "@/modules/api-keys/nav";

describe("loginAction", () => {
  it("signing in over an existing session in this browser ends that session first", async () => {
    const { createSession, isSessionActive } = await import("@/lib/auth/sessions");
    const { createTestAccount } = await import("../support/fixtures");
    const acct = await createTestAccount("Relogin");
    const previous = await createSession(acct.ctx.owner.userId, { ip: null, userAgent: "vitest" });
    state.session = { sessionId: previous };
    state.outcome = "ok";
    expect(await loginAction({ email: "someone-else@example.com", password: "pw" })).toMatchObject({ ok: true });
    expect(await isSessionActive(previous, acct.ctx.owner.userId)).toBe(false);
    state.session = null;
  });

  it("returns field errors for bad input without calling Auth.js", async () => {
    state.calls = [];
    const result = await loginAction({ email: "not-an-email", password: "" });
    expect(result).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { email: ["Enter a valid email address"], password: ["Enter your password"] },
    });
    expect(state.calls).toEqual([]);
  });

  it("normalises the email, answers where to go and leaves a device cookie for that email", async () => {
    state.calls = [];
    state.outcome = "ok";
    expect(await loginAction({ email: "  Owner@Example.COM ", password: "pw" })).toEqual({ ok: true, data: { redirectTo: KEYS_PATH } });
    expect(state.calls).toEqual([{ email: "owner@example.com", password: "pw", redirect: false }]);
    expect(verifyDeviceCookie("owner@example.com", state.cookies.get(deviceCookieName("owner@example.com")))).not.toBeNull();
  });

  it.each([
    ["/settings/developers/api-reference", "/settings/developers/api-reference"],
    ["/settings/developers/api-keys?status=active", "/settings/developers/api-keys?status=active"],
    ["http://127.0.0.1:3000/settings/profile", "/settings/profile"],
    ["https://evil.example/settings/profile", "/settings/profile"],
    ["//evil.example/x", KEYS_PATH],
    ["/\\evil.example", KEYS_PATH],
    ["javascript:alert(1)", KEYS_PATH],
    ["/login", KEYS_PATH],
    ["/api/v1/whoami", KEYS_PATH],
  ])("after sign-in, callbackUrl %s leads to %s (paths on this site only)", async (callbackUrl, expected) => {
    state.outcome = "ok";
    expect(await loginAction({ email: "owner@example.com", password: "pw", callbackUrl })).toEqual({ ok: true, data: { redirectTo: expected } });
  });

  it.each([
    ["wrong", "Incorrect email or password."],
    ["throttled", "Too many failed attempts. Try again in 1 second."],
    ["boom", "Something went wrong. Please try again."],
  ] as const)("%s → %s", async (outcome, error) => {
    state.outcome = outcome;
    expect(await loginAction({ email: "owner@example.com", password: "pw" })).toEqual({ ok: false, error });
  });
});
