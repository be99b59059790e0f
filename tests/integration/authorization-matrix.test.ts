/**
 * Every role × every data-layer entry point, with the expected outcome read from a table written by hand in this
 * file (the README's Roles table), never from POLICY or can(): allowed calls must do their job, denied calls must
 * throw ForbiddenError and leave the database exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { getIntegrationsOverview } from "@/modules/developer-accounts/data/queries";
import { requestDeveloperAccount } from "@/modules/developer-accounts/data/requests";
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
import { createApiUser, setApiUserEnabled } from "@/modules/members/data/api-users";
import { inviteMember } from "@/modules/members/data/invitations";
import { changeMemberRole, transferOwnership } from "@/modules/members/data/members";
import { listApiUsers, listTeam } from "@/modules/members/data/queries";
import { ForbiddenError } from "@/lib/errors";
import { createAuthorizationCode } from "@/core/oauth/authorize";
import { revokeAuthorizedApp } from "@/modules/oauth-apps/data/authorizations";
import { createApp, deleteApp, resetAppSecret, updateApp } from "@/modules/oauth-apps/data/mutations";
import { listApps, listAuthorizedApps } from "@/modules/oauth-apps/data/queries";
import { createAppSchema } from "@/modules/oauth-apps/schema";
import type { Role } from "@/core/generated/prisma/enums";
import { auditEventsOf, createTestAccount, keyInput, keyRow, snapshotAccount, type TestAccount } from "../support/fixtures";

/**
 * What each role may do, as the product intends it (README "Roles": owner and admin see and manage keys,
 * developers see keys, usage and activity, viewers see none of it). Written out, not derived from POLICY.
 */
const KNOWN = [
  "apiKeys.view", "apiKeys.manage", "audit.view", "subaccounts.view", "subaccounts.manage",
  "members.view", "members.manage", "members.transferOwnership", "apiUsers.view", "apiUsers.manage",
  "developerAccounts.view", "developerAccounts.request",
  "oauthApps.view", "oauthApps.manage", "authorizedApps.view", "authorizedApps.revoke",
] as const;
const ALL = (value: boolean) => Object.fromEntries(KNOWN.map((op) => [op, value])) as Record<Operation, boolean>;

const EXPECTED: Record<Role, Record<Operation, boolean>> = {
  owner: { ...ALL(true) },
  admin: { ...ALL(true), "members.transferOwnership": false, "apiUsers.manage": false },
  developer: { ...ALL(false), "apiKeys.view": true, "audit.view": true, "oauthApps.view": true, "authorizedApps.view": true },
  viewer: { ...ALL(false), "authorizedApps.view": true },
};

const appInput = (name: string) =>
  createAppSchema.parse({ name, description: "", developerName: "dev", redirectUris: "https://app.example/cb", grantTypes: ["authorization_code", "refresh_token"] });

/** An app of the account, authorized for the account by its owner (what the consent screen records). */
async function withAuthorizedApp(w: World): Promise<void> {
  const { app } = await createApp(w.acct.ctx.owner, appInput("Matrix app"));
  const owner = w.acct.ctx.owner;
  await createAuthorizationCode(await getPrisma(), {
    clientDbId: app.id, appName: app.name, accountId: owner.accountId, userId: owner.userId, userEmail: owner.email,
    scopes: ["subscribers"], redirectUri: "https://app.example/cb", codeChallenge: null, ip: null,
  });
  w.appId = app.id;
  w.authorizationId = (await (await getPrisma()).oAuthAuthorization.findFirstOrThrow({ where: { clientId: app.id } })).id;
}

const appRow = async (id: string) => (await getPrisma()).oAuthClient.findUnique({ where: { id } });

type World = { acct: TestAccount; issued: IssuedKey; subId: string; apiUserId?: string; appId?: string; authorizationId?: string };
type Case = {
  name: string;
  operation: Operation;
  prepare?: (w: World) => Promise<void>;
  run: (ctx: ActorContext, w: World) => Promise<unknown>;
  verify: (result: unknown, w: World) => Promise<void>;
};

const subRow = async (id: string) => (await getPrisma()).account.findUnique({ where: { id } });
const roleOf = async (w: World, role: Role) =>
  (await (await getPrisma()).membership.findFirst({ where: { accountId: w.acct.accountId, userId: w.acct.ctx[role].userId } }))?.role;
const withApiUser = async (w: World) => {
  w.apiUserId = (await createApiUser(w.acct.ctx.owner, { description: "Matrix CRM", password: "a long matrix passphrase", enabled: true })).id;
};

const CASES: Case[] = [
  {
    name: "getIntegrationsOverview",
    operation: "developerAccounts.view",
    run: (ctx) => getIntegrationsOverview(ctx),
    verify: async (result) => expect(result).toEqual({ requests: [], linked: [] }),
  },
  {
    name: "requestDeveloperAccount",
    operation: "developerAccounts.request",
    run: (ctx) =>
      requestDeveloperAccount(ctx, {
        useCase: "staging", company: `${ctx.accountName} m${ctx.accountNumber}`, contactName: "Matrix", contactEmail: "matrix@example.test",
        description: "A staging copy of our shop integration", platform: "", website: "",
      }),
    verify: async (_result, w) => expect(await (await getPrisma()).developerAccountRequest.count({ where: { mainAccountId: w.acct.accountId } })).toBe(1),
  },
  {
    name: "listTeam",
    operation: "members.view",
    run: (ctx) => listTeam(ctx),
    verify: async (result) => expect((result as { members: { role: Role }[] }).members.map((m) => m.role)).toEqual(["owner", "admin", "developer", "viewer"]),
  },
  {
    name: "inviteMember",
    operation: "members.manage",
    run: (ctx) => inviteMember(ctx, "newcomer@example.test", "developer"),
    verify: async (_result, w) => expect((await snapshotAccount(w.acct.accountId)).invitations).toMatchObject([{ email: "newcomer@example.test", role: "developer" }]),
  },
  {
    name: "changeMemberRole",
    operation: "members.manage",
    run: (ctx, w) => changeMemberRole(ctx, w.acct.ctx.viewer.userId, "developer"),
    verify: async (_result, w) => expect(await roleOf(w, "viewer")).toBe("developer"),
  },
  {
    name: "transferOwnership",
    operation: "members.transferOwnership",
    run: (ctx, w) => transferOwnership(ctx, w.acct.ctx.admin.userId),
    verify: async (_result, w) => expect([await roleOf(w, "admin"), await roleOf(w, "owner")]).toEqual(["owner", "admin"]),
  },
  {
    name: "listApiUsers",
    operation: "apiUsers.view",
    prepare: withApiUser,
    run: (ctx) => listApiUsers(ctx),
    verify: async (result, w) => expect(result).toMatchObject([{ id: w.apiUserId, description: "Matrix CRM", enabled: true }]),
  },
  {
    name: "createApiUser",
    operation: "apiUsers.manage",
    run: (ctx) => createApiUser(ctx, { description: "Second CRM", password: "another long passphrase", enabled: false }),
    verify: async (result, w) => {
      expect(result).toMatchObject({ username: expect.stringMatching(/^apiuser-[A-Za-z0-9]{8}@/), enabled: false });
      expect((await snapshotAccount(w.acct.accountId)).apiUsers).toHaveLength(1);
    },
  },
  {
    name: "setApiUserEnabled(false)",
    operation: "apiUsers.manage",
    prepare: withApiUser,
    run: (ctx, w) => setApiUserEnabled(ctx, w.apiUserId!, false),
    verify: async (_result, w) => expect((await snapshotAccount(w.acct.accountId)).apiUsers).toMatchObject([{ enabled: false }]),
  },
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
    name: "listApps",
    operation: "oauthApps.view",
    prepare: withAuthorizedApp,
    run: (ctx) => listApps(ctx),
    verify: async (result, w) => expect((result as { id: string; authorizedAccounts: number }[]).map((a) => [a.id, a.authorizedAccounts])).toEqual([[w.appId, 1]]),
  },
  {
    name: "createApp",
    operation: "oauthApps.manage",
    run: (ctx) => createApp(ctx, appInput("New app")),
    verify: async (result) => expect((result as { clientSecret: string }).clientSecret).toMatch(/^dcs_/),
  },
  {
    name: "updateApp",
    operation: "oauthApps.manage",
    prepare: withAuthorizedApp,
    run: (ctx, w) => updateApp(ctx, w.appId!, appInput("Renamed app")),
    verify: async (_result, w) => expect((await appRow(w.appId!))?.name).toBe("Renamed app"),
  },
  {
    name: "resetAppSecret",
    operation: "oauthApps.manage",
    prepare: withAuthorizedApp,
    run: (ctx, w) => resetAppSecret(ctx, w.appId!, "now"),
    verify: async (_result, w) => expect((await appRow(w.appId!))?.secretRotatedAt).toBeInstanceOf(Date),
  },
  {
    name: "deleteApp",
    operation: "oauthApps.manage",
    prepare: withAuthorizedApp,
    run: (ctx, w) => deleteApp(ctx, w.appId!, "Matrix app"),
    verify: async (_result, w) => expect(await appRow(w.appId!)).toBeNull(),
  },
  {
    name: "listAuthorizedApps",
    operation: "authorizedApps.view",
    prepare: withAuthorizedApp,
    run: (ctx) => listAuthorizedApps(ctx),
    verify: async (result, w) => expect((result as { id: string }[]).map((a) => a.id)).toEqual([w.authorizationId]),
  },
  {
    name: "revokeAuthorizedApp",
    operation: "authorizedApps.revoke",
    prepare: withAuthorizedApp,
    run: (ctx, w) => revokeAuthorizedApp(ctx, w.authorizationId!),
    verify: async (_result, w) => expect((await (await getPrisma()).oAuthAuthorization.findUnique({ where: { id: w.authorizationId! } }))?.revokedAt).toBeInstanceOf(Date),
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
    expect(MATRIX).toHaveLength(4 * 32);
    const granted = (role: Role) => MATRIX.filter((m) => m.role === role && m.allowed).length;
    expect({ owner: granted("owner"), admin: granted("admin"), developer: granted("developer"), viewer: granted("viewer") })
      .toEqual({ owner: 32, admin: 29, developer: 6, viewer: 1 });
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
      const writes = !c.operation.endsWith(".view");
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
