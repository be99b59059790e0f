/**
 * Every role × every data-layer entry point, with the expected outcome read from a table written by hand in this
 * file (the README's Roles table), never from POLICY or can(): allowed calls must do their job, denied calls must
 * throw ForbiddenError and leave the database exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { OPERATIONS, type Operation } from "@/lib/auth/policy";
import { listAuditEvents } from "@/modules/audit/data/queries";
import {
  createApiKey,
  deleteApiKey,
  rotateApiKey,
  setApiKeyEnabled,
  updateApiKey,
  type IssuedKey,
} from "@/modules/api-keys/data/mutations";
import { getApiKeyQuota, listApiKeys, listMailings } from "@/modules/api-keys/data/queries";
import {
  createSubaccount,
  deleteSubaccount,
  renameSubaccount,
  requestMoreSubaccounts,
  setSubaccountSuspended,
} from "@/modules/subaccounts/data/mutations";
import { getSubaccountsOverview } from "@/modules/subaccounts/data/queries";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/core/generated/prisma/enums";
import { auditEventsOf, createTestAccount, keyInput, keyRow, snapshotAccount, type TestAccount } from "../support/fixtures";

/**
 * What each role may do, as the product intends it (README "Roles": owner and admin see and manage keys,
 * developers see keys, usage and activity, viewers see none of it). Written out, not derived from POLICY.
 */
const EXPECTED: Record<Role, Record<Operation, boolean>> = {
  owner: { "apiKeys.view": true, "apiKeys.manage": true, "audit.view": true, "subaccounts.view": true, "subaccounts.manage": true },
  admin: { "apiKeys.view": true, "apiKeys.manage": true, "audit.view": true, "subaccounts.view": true, "subaccounts.manage": true },
  developer: { "apiKeys.view": true, "apiKeys.manage": false, "audit.view": true, "subaccounts.view": false, "subaccounts.manage": false },
  viewer: { "apiKeys.view": false, "apiKeys.manage": false, "audit.view": false, "subaccounts.view": false, "subaccounts.manage": false },
};

type World = { acct: TestAccount; issued: IssuedKey; subId: string };
type Case = {
  name: string;
  operation: Operation;
  prepare?: (w: World) => Promise<void>;
  run: (ctx: ActorContext, w: World) => Promise<unknown>;
  verify: (result: unknown, w: World) => Promise<void>;
};

const subRow = async (id: string) => (await getPrisma()).account.findUnique({ where: { id } });

const CASES: Case[] = [
  {
    name: "getSubaccountsOverview",
    operation: "subaccounts.view",
    run: (ctx) => getSubaccountsOverview(ctx),
    verify: async (result, w) => expect(result).toMatchObject({ used: 1, max: 3, subaccounts: [{ id: w.subId, name: "Seed sub" }] }),
  },
  {
    name: "createSubaccount",
    operation: "subaccounts.manage",
    run: (ctx) => createSubaccount(ctx, { name: "Second sub", firstKey: null }),
    verify: async (_result, w) => expect(await (await getPrisma()).account.count({ where: { parentId: w.acct.accountId } })).toBe(2),
  },
  {
    name: "renameSubaccount",
    operation: "subaccounts.manage",
    run: (ctx, w) => renameSubaccount(ctx, w.subId, "Renamed sub"),
    verify: async (_result, w) => expect((await subRow(w.subId))?.name).toBe("Renamed sub"),
  },
  {
    name: "setSubaccountSuspended",
    operation: "subaccounts.manage",
    run: (ctx, w) => setSubaccountSuspended(ctx, w.subId, true),
    verify: async (_result, w) => expect((await subRow(w.subId))?.status).toBe("suspended"),
  },
  {
    name: "deleteSubaccount",
    operation: "subaccounts.manage",
    run: (ctx, w) => deleteSubaccount(ctx, w.subId, "Seed sub"),
    verify: async (_result, w) => expect((await subRow(w.subId))?.deletedAt).toBeInstanceOf(Date),
  },
  {
    name: "requestMoreSubaccounts",
    operation: "subaccounts.manage",
    run: (ctx) => requestMoreSubaccounts(ctx, { count: 2, reason: "Two more brands" }),
    verify: async (_result, w) => expect(await (await getPrisma()).staffRequest.count({ where: { accountId: w.acct.accountId } })).toBe(1),
  },
  {
    name: "listApiKeys",
    operation: "apiKeys.view",
    run: (ctx) => listApiKeys(ctx),
    verify: async (result, w) => expect((result as { id: string }[]).map((k) => k.id)).toEqual([w.issued.key.id]),
  },
  {
    name: "getApiKeyQuota",
    operation: "apiKeys.view",
    run: (ctx) => getApiKeyQuota(ctx),
    verify: async (result) => expect(result).toEqual({ used: 1, max: 15 }),
  },
  {
    name: "listMailings",
    operation: "apiKeys.view",
    run: (ctx) => listMailings(ctx),
    verify: async (result, w) => expect(result).toEqual([{ id: w.acct.mailingId, name: expect.any(String) }]),
  },
  {
    name: "listAuditEvents",
    operation: "audit.view",
    run: (ctx) => listAuditEvents(ctx),
    verify: async (result, w) =>
      expect(result).toEqual([
        expect.objectContaining({ action: "subaccount.created", targetLabel: expect.stringMatching(/^Seed sub \(m\d+\)$/) }),
        expect.objectContaining({ action: "api_key.created", targetLabel: w.issued.key.keyId }),
      ]),
  },
  {
    name: "createApiKey",
    operation: "apiKeys.manage",
    run: (ctx) => createApiKey(ctx, keyInput({ name: "Second key" })),
    verify: async (result, w) => {
      expect((result as IssuedKey).key.name).toBe("Second key");
      expect((await snapshotAccount(w.acct.accountId)).keys).toHaveLength(2);
    },
  },
  {
    name: "updateApiKey",
    operation: "apiKeys.manage",
    run: (ctx, w) => updateApiKey(ctx, w.issued.key.id, keyInput({ name: "Renamed", scopes: ["articles"] })),
    verify: async (_result, w) =>
      expect(await keyRow(w.issued.key.id)).toMatchObject({ name: "Renamed", scopes: ["articles"] }),
  },
  {
    name: "rotateApiKey",
    operation: "apiKeys.manage",
    run: (ctx, w) => rotateApiKey(ctx, w.issued.key.id, "now"),
    verify: async (result, w) => {
      expect((result as IssuedKey).plaintextKey).not.toBe(w.issued.plaintextKey);
      expect((await keyRow(w.issued.key.id))?.rotatedAt).toBeInstanceOf(Date);
    },
  },
  {
    name: "setApiKeyEnabled(false)",
    operation: "apiKeys.manage",
    run: (ctx, w) => setApiKeyEnabled(ctx, w.issued.key.id, false),
    verify: async (_result, w) => expect((await keyRow(w.issued.key.id))?.enabled).toBe(false),
  },
  {
    name: "setApiKeyEnabled(true)",
    operation: "apiKeys.manage",
    prepare: async (w) => void (await setApiKeyEnabled(w.acct.ctx.owner, w.issued.key.id, false)),
    run: (ctx, w) => setApiKeyEnabled(ctx, w.issued.key.id, true),
    verify: async (_result, w) => expect((await keyRow(w.issued.key.id))?.enabled).toBe(true),
  },
  {
    name: "deleteApiKey",
    operation: "apiKeys.manage",
    run: (ctx, w) => deleteApiKey(ctx, w.issued.key.id, w.issued.key.name),
    verify: async (_result, w) => expect(await keyRow(w.issued.key.id)).toBeNull(),
  },
];

const ROLES = Object.keys(EXPECTED) as Role[];
const MATRIX = ROLES.flatMap((role) => CASES.map((c) => ({ role, c, allowed: EXPECTED[role][c.operation] })));

async function world(): Promise<World> {
  const acct = await createTestAccount("Matrix");
  const issued = await createApiKey(acct.ctx.owner, keyInput({ name: "Seed key" }));
  const sub = await createSubaccount(acct.ctx.owner, { name: "Seed sub", firstKey: null });
  return { acct, issued, subId: sub.id };
}

describe("authorization matrix (expected table written by hand)", () => {
  it("covers every role × operation, with the expected number of grants", () => {
    expect(ROLES).toEqual(["owner", "admin", "developer", "viewer"]);
    // Every operation the product knows has at least one entry point here, and the table names no other.
    expect([...new Set(CASES.map((c) => c.operation))].sort()).toEqual([...OPERATIONS].sort());
    expect(MATRIX).toHaveLength(4 * 16);
    const granted = (role: Role) => MATRIX.filter((m) => m.role === role && m.allowed).length;
    expect({ owner: granted("owner"), admin: granted("admin"), developer: granted("developer"), viewer: granted("viewer") })
      .toEqual({ owner: 16, admin: 16, developer: 4, viewer: 0 });
  });

  it.each(MATRIX.filter((m) => m.allowed).map((m) => [m.role, m.c.name, m] as const))(
    "%s may %s",
    async (_role, _name, { role, c }) => {
      const w = await world();
      await c.prepare?.(w);
      const before = await auditEventsOf(w.acct.accountId);
      const result = await c.run(w.acct.ctx[role], w);
      await c.verify(result, w);
      // Writes leave exactly one audit event naming this actor; reads leave none.
      const after = await auditEventsOf(w.acct.accountId);
      const writes = c.operation.endsWith(".manage");
      expect(after).toHaveLength(before.length + (writes ? 1 : 0));
      if (writes) expect(after.at(-1)?.actorId).toBe(w.acct.ctx[role].userId);
    },
  );

  it.each(MATRIX.filter((m) => !m.allowed).map((m) => [m.role, m.c.name, m] as const))(
    "%s may not %s: ForbiddenError and nothing changes",
    async (_role, _name, { role, c }) => {
      const w = await world();
      await c.prepare?.(w);
      const prisma = await getPrisma();
      const before = await snapshotAccount(w.acct.accountId);
      const totalEvents = await prisma.auditEvent.count();
      const error = await c.run(w.acct.ctx[role], w).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as Error).message).toBe("You do not have permission to do that.");
      expect(await snapshotAccount(w.acct.accountId)).toEqual(before);
      expect(await prisma.auditEvent.count()).toBe(totalEvents);
    },
  );
});
