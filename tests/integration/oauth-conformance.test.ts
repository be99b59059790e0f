/**
 * The OAuth server driven by a real client library (oauth4webapi): discovery, code + PKCE, failures with their
 * RFC 6749 error codes, refresh rotation and reuse detection, password and client-credentials grants, RFC 7009
 * revocation and RFC 7662 introspection, and the token on whoami before and after each revocation.
 */
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/core/secrets/password";
import { getPrisma } from "@/core/registry";
import { revokeAuthorizedApp } from "@/modules/oauth-apps/data/authorizations";
import { deleteApp, resetAppSecret, setPasswordGrant } from "@/modules/oauth-apps/data/mutations";
import { startTestApi, whoami, type TestApi } from "../support/api-server";
import { createTestAccount, type TestAccount } from "../support/fixtures";
import { consent, discover, insecure, REDIRECT, registerApp, tokenCall } from "../support/oauth";

let api: TestApi;
let acct: TestAccount;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  api = await startTestApi();
  acct = await createTestAccount("OAuth");
  as = await discover(api.url);
});
afterAll(() => api.close());

async function exchange(app: Awaited<ReturnType<typeof registerApp>>, auth: "basic" | "post" = "basic") {
  const grant = await consent(acct.ctx.owner, app.app);
  const clientAuth = auth === "basic" ? oauth.ClientSecretBasic(app.secret) : oauth.ClientSecretPost(app.secret);
  const res = await oauth.authorizationCodeGrantRequest(as, app.client, clientAuth, grant.callback(as, app.client), REDIRECT, grant.verifier, insecure);
  return { grant, tokens: await oauth.processAuthorizationCodeResponse(as, app.client, res) };
}

async function expectOAuthError(promise: Promise<unknown>, error: string, status = 400) {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(oauth.ResponseBodyError);
  expect((e as oauth.ResponseBodyError).error).toBe(error);
  expect((e as oauth.ResponseBodyError).status).toBe(status);
}

describe("OAuth 2 conformance (oauth4webapi)", () => {
  it("publishes RFC 8414 metadata", () => {
    expect(as.issuer).toBe(api.url);
    expect(as.token_endpoint).toBe(`${api.url}/api/v1/oauth/token`);
    expect(as.code_challenge_methods_supported).toEqual(["S256"]);
    expect(as.token_endpoint_auth_methods_supported).toEqual(["client_secret_basic", "client_secret_post"]);
  });

  it("code + PKCE gives an opaque 1-hour token that works as Bearer on whoami, with either client auth method", async () => {
    const app = await registerApp(acct.ctx.owner);
    for (const method of ["basic", "post"] as const) {
      const { tokens } = await exchange(app, method);
      expect(tokens.token_type).toBe("bearer");
      expect(tokens.expires_in).toBe(3600);
      expect(tokens.access_token).toMatch(/^dcat_[0-9A-Za-z]{40}$/);
      expect(tokens.refresh_token).toMatch(/^dcrt_/);
      const me = await whoami(api.url, `Bearer ${tokens.access_token}`);
      expect(me.status).toBe(200);
      expect(me.body.principal).toEqual({ type: "oauth", clientId: app.app.clientId, app: app.app.name, scopes: ["subscribers", "campaigns"], expiresAt: expect.any(String) });
      expect(me.body.account.id).toBe(acct.accountId);
      expect(me.body.key).toBeNull();
    }
  });

  it("refuses a wrong verifier, a wrong redirect URI and a wrong client secret", async () => {
    const app = await registerApp(acct.ctx.owner);
    const a = await consent(acct.ctx.owner, app.app);
    await expectOAuthError(
      oauth.authorizationCodeGrantRequest(as, app.client, oauth.ClientSecretBasic(app.secret), a.callback(as, app.client), REDIRECT, oauth.generateRandomCodeVerifier(), insecure).then((r) => oauth.processAuthorizationCodeResponse(as, app.client, r)),
      "invalid_grant",
    );
    const b = await consent(acct.ctx.owner, app.app);
    await expectOAuthError(
      oauth.authorizationCodeGrantRequest(as, app.client, oauth.ClientSecretBasic(app.secret), b.callback(as, app.client), "http://localhost:8765/other", b.verifier, insecure).then((r) => oauth.processAuthorizationCodeResponse(as, app.client, r)),
      "invalid_grant",
    );
    const c = await consent(acct.ctx.owner, app.app);
    const wrongSecret = oauth.authorizationCodeGrantRequest(as, app.client, oauth.ClientSecretBasic("dcs_wrong"), c.callback(as, app.client), REDIRECT, c.verifier, insecure);
    const challenge = await wrongSecret.then((r) => oauth.processAuthorizationCodeResponse(as, app.client, r)).then(() => null, (e: unknown) => e);
    // 401 with a Basic challenge (RFC 6749 §5.2), which oauth4webapi surfaces as a WWW-Authenticate challenge.
    expect(challenge).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect((challenge as oauth.WWWAuthenticateChallengeError).status).toBe(401);
    const post = await tokenCall(api.url, { grant_type: "authorization_code", code: c.code, redirect_uri: REDIRECT, code_verifier: c.verifier, client_id: app.app.clientId, client_secret: "dcs_wrong" });
    expect(post).toEqual({ status: 401, body: { error: "invalid_client", error_description: expect.any(String) } });
  });

  it("a reused code is refused and revokes the tokens issued from it at once", async () => {
    const app = await registerApp(acct.ctx.owner);
    const { grant, tokens } = await exchange(app);
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(200);
    const again = await tokenCall(api.url, { grant_type: "authorization_code", code: grant.code, redirect_uri: REDIRECT, code_verifier: grant.verifier }, [app.app.clientId, app.secret]);
    expect(again).toEqual({ status: 400, body: { error: "invalid_grant", error_description: expect.any(String) } });
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(401);
    const refreshed = await tokenCall(api.url, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, [app.app.clientId, app.secret]);
    expect(refreshed.body.error).toBe("invalid_grant");
    const prisma = await getPrisma();
    expect(await prisma.auditEvent.count({ where: { action: "oauth.reuse_detected", targetId: app.app.id, accountId: acct.accountId } })).toBe(1);
  });

  it("rotates refresh tokens; reusing a spent one revokes the whole family", async () => {
    const app = await registerApp(acct.ctx.owner);
    const { tokens } = await exchange(app);
    const auth = oauth.ClientSecretBasic(app.secret);
    const second = await oauth.processRefreshTokenResponse(as, app.client, await oauth.refreshTokenGrantRequest(as, app.client, auth, tokens.refresh_token!, insecure));
    expect(second.refresh_token).not.toBe(tokens.refresh_token);
    expect((await whoami(api.url, `Bearer ${second.access_token}`)).status).toBe(200);
    await expectOAuthError(oauth.refreshTokenGrantRequest(as, app.client, auth, tokens.refresh_token!, insecure).then((r) => oauth.processRefreshTokenResponse(as, app.client, r)), "invalid_grant");
    expect((await whoami(api.url, `Bearer ${second.access_token}`)).status).toBe(401);
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(401);
    await expectOAuthError(oauth.refreshTokenGrantRequest(as, app.client, auth, second.refresh_token!, insecure).then((r) => oauth.processRefreshTokenResponse(as, app.client, r)), "invalid_grant");
  });

  it("the password grant is off by default, works once switched on, and never for staff", async () => {
    const prisma = await getPrisma();
    const owner = acct.ctx.owner;
    await prisma.user.update({ where: { id: owner.userId }, data: { passwordHash: await hashPassword("correct horse battery staple") } });
    const app = await registerApp(owner, { grantTypes: ["authorization_code", "refresh_token", "password"] });
    const form = { grant_type: "password", username: owner.email, password: "correct horse battery staple" };
    expect((await tokenCall(api.url, form, [app.app.clientId, app.secret])).body.error).toBe("unauthorized_client");
    await setPasswordGrant(owner, app.app.id, true);
    const ok = await tokenCall(api.url, form, [app.app.clientId, app.secret]);
    expect(ok.status).toBe(200);
    expect((await whoami(api.url, `Bearer ${ok.body.access_token as string}`)).body.account.id).toBe(acct.accountId);
    expect((await tokenCall(api.url, { ...form, password: "wrong" }, [app.app.clientId, app.secret])).body.error).toBe("invalid_grant");
    const staff = await prisma.user.create({ data: { email: `staff-${Date.now()}@example.test`, staff: true, passwordHash: await hashPassword("staff password 123") } });
    expect((await tokenCall(api.url, { ...form, username: staff.email, password: "staff password 123" }, [app.app.clientId, app.secret])).body.error).toBe("invalid_grant");
  });

  it("the password grant is throttled like sign-in: after 5 failures even the right password waits", async () => {
    const prisma = await getPrisma();
    const user = await prisma.user.create({
      data: { email: `pw-${Date.now()}@example.test`, passwordHash: await hashPassword("right password 123"), memberships: { create: { accountId: acct.accountId, role: "admin" } } },
    });
    const app = await registerApp(acct.ctx.owner, { grantTypes: ["authorization_code", "password"] });
    await setPasswordGrant(acct.ctx.owner, app.app.id, true);
    const form = { grant_type: "password", username: user.email };
    for (let i = 0; i < 5; i++) expect((await tokenCall(api.url, { ...form, password: `wrong ${i}` }, [app.app.clientId, app.secret])).body.error).toBe("invalid_grant");
    const blocked = await tokenCall(api.url, { ...form, password: "right password 123" }, [app.app.clientId, app.secret]);
    expect(blocked).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "Too many failed attempts. Try again later." } });
  });

  it("Reset secret: the old secret works during its grace time only; 'now' ends it at once", async () => {
    const app = await registerApp(acct.ctx.owner);
    const cc = (secret: string) => tokenCall(api.url, { grant_type: "client_credentials" }, [app.app.clientId, secret]);
    const graced = await resetAppSecret(acct.ctx.owner, app.app.id, "24h");
    expect((await cc(app.secret)).status).toBe(200);
    expect((await cc(graced.clientSecret)).status).toBe(200);
    const now = await resetAppSecret(acct.ctx.owner, app.app.id, "now");
    expect((await cc(graced.clientSecret)).status).toBe(401);
    expect((await cc(app.secret)).status).toBe(401);
    expect((await cc(now.clientSecret)).status).toBe(200);
  });

  it("client credentials act in the app owner's own account, without a refresh token", async () => {
    const app = await registerApp(acct.ctx.admin);
    const res = await oauth.clientCredentialsGrantRequest(as, app.client, oauth.ClientSecretPost(app.secret), { scope: "statistics" }, insecure);
    const tokens = await oauth.processClientCredentialsResponse(as, app.client, res);
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe("statistics");
    const me = await whoami(api.url, `Bearer ${tokens.access_token}`);
    expect(me.body.account.id).toBe(acct.accountId);
  });

  it("revocation (RFC 7009) and introspection (RFC 7662)", async () => {
    const app = await registerApp(acct.ctx.owner);
    const { tokens } = await exchange(app);
    const auth = oauth.ClientSecretBasic(app.secret);
    const info = await oauth.processIntrospectionResponse(as, app.client, await oauth.introspectionRequest(as, app.client, auth, tokens.access_token, insecure));
    expect(info).toMatchObject({ active: true, client_id: app.app.clientId, scope: "subscribers campaigns", token_type: "Bearer" });
    const other = await createTestAccount("Foreign");
    const foreign = await registerApp(other.ctx.owner);
    const seen = await oauth.processIntrospectionResponse(as, foreign.client, await oauth.introspectionRequest(as, foreign.client, oauth.ClientSecretBasic(foreign.secret), tokens.access_token, insecure));
    expect(seen).toEqual({ active: false });
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, app.client, auth, tokens.access_token, insecure));
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(401);
    const after = await oauth.processIntrospectionResponse(as, app.client, await oauth.introspectionRequest(as, app.client, auth, tokens.access_token, insecure));
    expect(after).toEqual({ active: false });
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, app.client, auth, "dcat_unknown", insecure));
  });

  it("Revoke access and Delete app take effect on the very next request", async () => {
    const app = await registerApp(acct.ctx.owner);
    for (let round = 0; round < 5; round++) {
      const { tokens } = await exchange(app);
      expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(200);
      const prisma = await getPrisma();
      const authz = await prisma.oAuthAuthorization.findFirstOrThrow({ where: { clientId: app.app.id, accountId: acct.accountId } });
      await revokeAuthorizedApp(acct.ctx.admin, authz.id);
      expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(401);
    }
    const { tokens } = await exchange(app);
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(200);
    await deleteApp(acct.ctx.owner, app.app.id, app.app.name);
    expect((await whoami(api.url, `Bearer ${tokens.access_token}`)).status).toBe(401);
  });
});
