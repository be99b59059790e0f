/**
 * A whitelabel account cannot get a key by any path that reaches the server: the key page's action (as a replayed
 * request would call it), a subaccount's first key; it may ask for a developer account instead (use case 2).
 */
import { describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ session: null as { user: { id: string } } | null }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => state.session) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-dc-client-ip": "203.0.113.21" }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { getPrisma } from "@/core/registry";
import { createApiKeyAction } from "@/modules/api-keys/actions";
import { requestDeveloperAccountAction } from "@/modules/developer-accounts/actions";
import { createSubaccountAction } from "@/modules/subaccounts/actions";
import { createTestAccount, keyFormValues } from "../support/fixtures";

const REFUSED = "A whitelabel account cannot have API keys. Request a developer account and create its keys there.";

async function whitelabel() {
  const wl = await createTestAccount("Initech");
  await (await getPrisma()).account.update({ where: { id: wl.accountId }, data: { kind: "whitelabel" } });
  return wl;
}

describe("whitelabel accounts through the actions", () => {
  it("the key page's action is refused for the owner and the admin; no key exists", async () => {
    const wl = await whitelabel();
    for (const who of [wl.ctx.owner, wl.ctx.admin]) {
      state.session = { user: { id: who.userId } };
      expect(await createApiKeyAction(keyFormValues({ name: `Replayed ${who.role}` }))).toEqual({ ok: false, error: REFUSED });
    }
    expect(await (await getPrisma()).apiKey.count({ where: { accountId: wl.accountId } })).toBe(0);
  });

  it("no subaccount (with or without a first key) either", async () => {
    const wl = await whitelabel();
    state.session = { user: { id: wl.ctx.owner.userId } };
    const result = await createSubaccountAction({ name: "Side door", firstKey: keyFormValues({ name: "Sub key" }) });
    expect(result).toMatchObject({ ok: false });
    expect(await (await getPrisma()).apiKey.count()).toBe(0);
  });

  it("the owner asks for a developer account instead (use case 2, the Company rule with its own number)", async () => {
    const wl = await whitelabel();
    state.session = { user: { id: wl.ctx.owner.userId } };
    const values = {
      useCase: "whitelabel" as const, company: `${wl.name} m${wl.ctx.owner.accountNumber}`, contactName: "Wendy", contactEmail: wl.ctx.owner.email,
      description: "API keys for our whitelabel sending", platform: "", website: "",
    };
    expect(await requestDeveloperAccountAction({ ...values, company: `${wl.name} m1` })).toMatchObject({ ok: false, fieldErrors: { company: [expect.stringContaining(`must end with m${wl.ctx.owner.accountNumber}`)] } });
    expect(await requestDeveloperAccountAction(values)).toMatchObject({ ok: true });
    expect(await requestDeveloperAccountAction({ ...values, accountId: "someone-else" } as typeof values)).toMatchObject({ ok: false, fieldErrors: expect.anything() });
  });
});
