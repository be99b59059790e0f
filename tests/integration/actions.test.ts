import { beforeEach, describe, expect, it, vi } from "vitest";

/** The real server actions, end to end below the HTTP layer: session → validation → data layer → audit. */
const state = vi.hoisted(() => ({ session: null as { user: { id: string } } | null, cookies: new Map<string, string>() }));

vi.mock("@/auth", () => ({ auth: vi.fn(async () => state.session) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-dc-client-ip": "203.0.113.9" }),
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void state.cookies.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import {
  createApiKeyAction,
  deleteApiKeyAction,
  rotateApiKeyAction,
  setApiKeyEnabledAction,
  updateApiKeyAction,
} from "@/modules/api-keys/actions";
import { getPrisma } from "@/core/registry";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import type { ApiKeyFormValues } from "@/modules/api-keys/schema";
import { auditEventsOf, createTestAccount, keyFormValues, keyInput, snapshotAccount, type TestAccount } from "../support/fixtures";

const PATH = "/settings/developers/api-keys";
const FORBIDDEN = "You do not have permission to do that.";

function form(overrides: Record<string, unknown> = {}) {
  return { ...keyFormValues(), ...overrides } as ApiKeyFormValues;
}

const signInAs = (userId: string | null) => void (state.session = userId ? { user: { id: userId } } : null);
const totalKeys = async () => (await getPrisma()).apiKey.count();

let acct: TestAccount;
beforeEach(async () => {
  vi.mocked(revalidatePath).mockClear();
  acct = await createTestAccount("Acme");
  signInAs(acct.ctx.owner.userId);
});

describe("authentication", () => {
  it.each([
    ["no session", null],
    ["a session for a user with no membership", "ghost-user-id"],
  ])("%s → 'Sign in' error, nothing created", async (_label, userId) => {
    signInAs(userId);
    const before = await totalKeys();
    const result = await createApiKeyAction(form());
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Sign in") });
    expect(await totalKeys()).toBe(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("input validation", () => {
  it.each([
    ["accountId", { accountId: "some-other-account" }],
    ["secretHash", { secretHash: "0".repeat(64) }],
    ["keyId", { keyId: "dc_AAAAAAAAAAAAAAAA" }],
    ['scopes ["*"]', { scopes: ["*"] }],
  ])("mass assignment of %s is refused and creates nothing", async (_label, extra) => {
    const before = await snapshotAccount(acct.accountId);
    const keys = await totalKeys();
    const result = await createApiKeyAction(form(extra));
    expect(result.ok).toBe(false);
    expect(await totalKeys()).toBe(keys);
    expect(await snapshotAccount(acct.accountId)).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("invalid IP lines are reported per line and nothing is created", async () => {
    const keys = await totalKeys();
    const result = await createApiKeyAction(form({ allowedIps: "10.0.0.300\n192.168.1.1\n010.0.0.1" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = (result.fieldErrors?.allowedIps ?? []).join("\n");
    expect(messages).toContain("Line 1");
    expect(messages).toContain("Line 3");
    expect(messages).not.toContain("Line 2");
    expect(await totalKeys()).toBe(keys);
  });

  it("a wrong confirmation name comes back as a field error", async () => {
    const { key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Keep me" }));
    const result = await deleteApiKeyAction({ id: key.id, confirmName: "Keep" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirmName: [expect.stringContaining("Keep me")] } });
    expect(await snapshotAccount(acct.accountId)).toMatchObject({ keys: [expect.objectContaining({ id: key.id })] });
  });
});

describe("authorization", () => {
  it.each(["developer", "viewer"] as const)("a %s calling createApiKeyAction is forbidden", async (role) => {
    signInAs(acct.ctx[role].userId);
    const before = await snapshotAccount(acct.accountId);
    expect(await createApiKeyAction(form())).toEqual({ ok: false, error: FORBIDDEN });
    expect(await snapshotAccount(acct.accountId)).toEqual(before);
  });

  it("another account's owner replaying actions with Acme's key id gets 'API key not found.'", async () => {
    const { key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Acme prod" }));
    const globex = await createTestAccount("Globex");
    signInAs(globex.ctx.owner.userId);
    const [acmeBefore, globexBefore] = await Promise.all([snapshotAccount(acct.accountId), snapshotAccount(globex.accountId)]);

    const replays = [
      () => deleteApiKeyAction({ id: key.id, confirmName: "Acme prod" }),
      () => setApiKeyEnabledAction({ id: key.id, enabled: false }),
      () => rotateApiKeyAction({ id: key.id, grace: "7d" }),
      () => updateApiKeyAction({ ...form({ name: "Owned" }), id: key.id }),
    ];
    for (const replay of replays) {
      expect(await replay()).toEqual({ ok: false, error: "API key not found." });
    }
    expect(await snapshotAccount(acct.accountId)).toEqual(acmeBefore);
    expect(await snapshotAccount(globex.accountId)).toEqual(globexBefore);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("success path", () => {
  it("creates the key, returns it once without its hash, revalidates and audits the caller's IP", async () => {
    const result = await createApiKeyAction(form({ name: "Shop integration", scopes: ["subscribers", "articles"] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plaintextKey, key } = result.data;
    expect(plaintextKey.startsWith(`${key.keyId}.`)).toBe(true);
    expect(key).toMatchObject({ name: "Shop integration", scopes: ["subscribers", "articles"], enabled: true });
    expect(key).not.toHaveProperty("secretHash");
    expect(key).not.toHaveProperty("previousSecretHash");
    expect(JSON.stringify(key)).not.toContain(plaintextKey.split(".")[1]);
    expect(revalidatePath).toHaveBeenCalledWith(PATH);

    const [event] = await auditEventsOf(acct.accountId);
    expect(event).toMatchObject({
      action: "api_key.created",
      targetLabel: key.keyId,
      actorId: acct.ctx.owner.userId,
      ip: "203.0.113.9",
      userAgent: "vitest",
    });
  });

  it("the other actions succeed for the owner and each revalidates the page", async () => {
    const { key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Cycle" }));
    expect(await updateApiKeyAction({ ...form({ name: "Cycle 2" }), id: key.id })).toMatchObject({ ok: true, data: { name: "Cycle 2" } });
    expect(await rotateApiKeyAction({ id: key.id, grace: "1h" })).toMatchObject({ ok: true, data: { plaintextKey: expect.any(String) } });
    expect(await setApiKeyEnabledAction({ id: key.id, enabled: false })).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await deleteApiKeyAction({ id: key.id, confirmName: "Cycle 2" })).toEqual({ ok: true, data: { keyId: key.keyId } });
    expect(vi.mocked(revalidatePath).mock.calls).toEqual(Array(4).fill([PATH]));
    expect((await auditEventsOf(acct.accountId)).map((e) => e.ip)).toEqual(["198.51.100.7", ...Array(4).fill("203.0.113.9")]);
  });
});
