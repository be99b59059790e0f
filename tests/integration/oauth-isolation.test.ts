/**
 * OAuth apps across accounts and roles, and what the database keeps: another account's user cannot see, edit,
 * reset, delete, submit or revoke by id (not found, nothing changed); roles as the policy table says; a token for
 * account A never reads account B; client secrets, codes and tokens are stored as HMACs only.
 */
import crypto from "node:crypto";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { revokeAuthorizedApp } from "@/modules/oauth-apps/data/authorizations";
import { submitForReview, withdrawFromCatalog } from "@/modules/oauth-apps/data/catalog";
import { createApp, deleteApp, resetAppSecret, setPasswordGrant, updateApp } from "@/modules/oauth-apps/data/mutations";
import { listApps } from "@/modules/oauth-apps/data/queries";
import { createAppSchema, updateAppSchema } from "@/modules/oauth-apps/schema";
import { getDatabase, getPrisma } from "@/core/registry";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { startTestApi, verifyCall, whoami, type TestApi } from "../support/api-server";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { consent, discover, insecure, REDIRECT, registerApp } from "../support/oauth";

let api: TestApi;
let a: TestAccount;
let b: TestAccount;
beforeAll(async () => {
  api = await startTestApi();
  a = await createTestAccount("Alpha");
  b = await createTestAccount("Bravo");
});
afterAll(() => api.close());

const appRow = async (id: string) => (await getPrisma()).oAuthClient.findUnique({ where: { id } });
const input = { name: "Renamed", description: "x", developerName: "y", redirectUris: [REDIRECT], grantTypes: ["authorization_code" as const] };

describe("tenant isolation and roles", () => {
  it("another account's owner cannot list, edit, reset, delete, submit, withdraw or switch an app by id", async () => {
    const { app } = await registerApp(a.ctx.owner);
    const before = await appRow(app.id);
    expect((await listApps(b.ctx.owner)).map((x) => x.id)).not.toContain(app.id);
    const attempts = [
      () => updateApp(b.ctx.owner, app.id, input),
      () => resetAppSecret(b.ctx.owner, app.id, "now"),
      () => deleteApp(b.ctx.owner, app.id, app.name),
      () => setPasswordGrant(b.ctx.owner, app.id, true),
      () => submitForReview(b.ctx.owner, { id: app.id, website: "https://x.example", logoUrl: "" }),
      () => withdrawFromCatalog(b.ctx.owner, app.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    expect(await appRow(app.id)).toEqual(before);
  });

  it("another account cannot revoke an authorization by id", async () => {
    const { app } = await registerApp(a.ctx.owner);
    await consent(a.ctx.owner, app);
    const authz = await (await getPrisma()).oAuthAuthorization.findFirstOrThrow({ where: { clientId: app.id } });
    await expect(revokeAuthorizedApp(b.ctx.admin, authz.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeAuthorizedApp(a.ctx.developer, authz.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await (await getPrisma()).oAuthAuthorization.findUniqueOrThrow({ where: { id: authz.id } })).revokedAt).toBeNull();
  });

  it("roles: owner/admin manage, developer reads, viewer sees nothing", async () => {
    const { app } = await registerApp(a.ctx.admin);
    expect((await listApps(a.ctx.developer)).map((x) => x.id)).toContain(app.id);
    await expect(listApps(a.ctx.viewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createApp(a.ctx.developer, createAppSchema.parse({ ...input, redirectUris: REDIRECT, name: "Dev app" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetAppSecret(a.ctx.developer, app.id, "now")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a whitelabel account cannot register an app, even when its session still says otherwise", async () => {
    const wl = await createTestAccount("Initech apps");
    await (await getPrisma()).account.update({ where: { id: wl.accountId }, data: { kind: "whitelabel" } });
    const error = await createApp(wl.ctx.owner, createAppSchema.parse({ ...input, redirectUris: REDIRECT, name: "WL app" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toMatch(/whitelabel account cannot register apps/);
    expect(await (await getPrisma()).oAuthClient.count({ where: { accountId: wl.accountId } })).toBe(0);
  });

  it("mass assignment and bad redirect URIs are rejected by the schema", () => {
    const base = { name: "n", description: "", developerName: "d", redirectUris: REDIRECT, grantTypes: ["authorization_code" as const] };
    expect(createAppSchema.safeParse({ ...base, accountId: b.accountId }).success).toBe(false);
    expect(updateAppSchema.safeParse({ ...base, id: "x", secretHash: "00" }).success).toBe(false);
    for (const uri of ["http://example.com/cb", "https://*.example.com/cb", "https://example.com/cb#x", "javascript:alert(1)", "https://u:p@example.com/"]) {
      expect(createAppSchema.safeParse({ ...base, redirectUris: uri }).success, uri).toBe(false);
    }
    expect(createAppSchema.safeParse({ ...base, redirectUris: "https://example.com/cb\nhttp://127.0.0.1:9000/cb" }).success).toBe(true);
  });

  it("a token for account A never reads account B (whoami, keys/verify)", async () => {
    const { app, client, secret } = await registerApp(a.ctx.owner);
    const as = await discover(api.url);
    const grant = await consent(a.ctx.owner, app, { scopes: ["keys:verify"] });
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(secret), grant.callback(as, client), REDIRECT, grant.verifier, insecure));
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).body.account.id).toBe(a.accountId);
    const keyOfB = await createApiKey(b.ctx.owner, keyInput());
    const keyOfA = await createApiKey(a.ctx.owner, keyInput());
    expect((await verifyCall(api.url, tokens.access_token, { key: keyOfB.plaintextKey })).body.code).toBe("NOT_FOUND");
    expect((await verifyCall(api.url, tokens.access_token, { key: keyOfA.plaintextKey })).body.code).toBe("VALID");
  });
});

describe("secrets at rest", () => {
  it("no table holds a client secret, code, access or refresh token; their HMACs are stored", async () => {
    const { app, client, secret } = await registerApp(a.ctx.owner);
    const reset = await resetAppSecret(a.ctx.owner, app.id, "24h");
    const as = await discover(api.url);
    const grant = await consent(a.ctx.owner, app);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(reset.clientSecret), grant.callback(as, client), REDIRECT, grant.verifier, insecure));
    const needles = { secret, newSecret: reset.clientSecret, code: grant.code, access: tokens.access_token, refresh: tokens.refresh_token! };
    const db = await getDatabase();
    const { rows: tables } = await db.sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    let scanned = "";
    for (const { table_name } of tables) {
      const { rows } = await db.sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      const text = rows.map((r) => r.row).join("\n");
      scanned += text;
      for (const [what, needle] of Object.entries(needles)) expect(text.includes(needle), `${what} in ${table_name}`).toBe(false);
      for (const needle of Object.values(needles)) expect(text.includes(needle.slice(5, 25))).toBe(false);
    }
    const hmac = (s: string) => crypto.createHmac("sha256", process.env.API_KEY_PEPPER!).update(s).digest("hex");
    for (const needle of Object.values(needles)) expect(scanned).toContain(hmac(needle));
    const row = (await appRow(app.id))!;
    expect(row.secretLast5).toBe(reset.clientSecret.slice(-5));
    expect(row.previousSecretHash).toBe(hmac(secret));
    expect(JSON.stringify(await listApps(a.ctx.owner))).not.toMatch(/secretHash|[0-9a-f]{64}/);
  });
});
