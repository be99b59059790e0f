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
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/core/generated/prisma/enums";
import { auditEventsOf, createTestAccount, keyInput, keyRow, snapshotAccount, type TestAccount } from "../support/fixtures";

/**
 * What each role may do, as the product intends it (README "Roles": owner and admin see and manage keys,
 * developers see keys, usage and activity, viewers see none of it). Written out, not derived from POLICY.
 */
const EXPECTED: Record<Role, Record<Operation, boolean>> = {
  owner: { "apiKeys.view": true, "apiKeys.manage": true, "audit.view": true },
  admin: { "apiKeys.view": true, "apiKeys.manage": true, "audit.view": true },
  developer: { "apiKeys.view": true, "apiKeys.manage": false, "audit.view": true },
  viewer: { "apiKeys.view": false, "apiKeys.manage": false, "audit.view": false },
};

type World = { acct: TestAccount; issued: IssuedKey };
type Case = {
  name: string;
  operation: Operation;
  prepare?: (w: World) => Promise<void>;
  run: (ctx: ActorContext, w: World) => Promise<unknown>;
  verify: (result: unknown, w: World) => Promise<void>;
};

const CASES: Case[] = [
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
      expect(result).toEqual([expect.objectContaining({ action: "api_key.created", targetLabel: w.issued.key.keyId })]),
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
  return { acct, issued };
}

describe("authorization matrix (expected table written by hand)", () => {
  it("covers every role × operation, with the expected number of grants", () => {
    expect(ROLES).toEqual(["owner", "admin", "developer", "viewer"]);
    // Every operation the product knows has at least one entry point here, and the table names no other.
    expect([...new Set(CASES.map((c) => c.operation))].sort()).toEqual([...OPERATIONS].sort());
    expect(MATRIX).toHaveLength(4 * 10);
    const granted = (role: Role) => MATRIX.filter((m) => m.role === role && m.allowed).length;
    expect({ owner: granted("owner"), admin: granted("admin"), developer: granted("developer"), viewer: granted("viewer") })
      .toEqual({ owner: 10, admin: 10, developer: 4, viewer: 0 });
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
      expect(after).toHaveLength(before.length + (c.operation === "apiKeys.manage" ? 1 : 0));
      if (c.operation === "apiKeys.manage") expect(after.at(-1)?.actorId).toBe(w.acct.ctx[role].userId);
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
