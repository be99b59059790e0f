/**
 * Exact revocation of OAuth tokens across instances, through the same path as keys: the instance that made the
 * change answers 401 on the very next request, another instance on its first request after the documented bound;
 * an account suspension answers 403 the same way. Both instances have the token cached before each change.
 */
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_PROPAGATION_BOUND_MS } from "@/api-server/verify/change-follower";
import { getPrisma } from "@/core/registry";
import { revokeAuthorizedApp } from "@/modules/oauth-apps/data/authorizations";
import { setSubaccountSuspended, createSubaccount } from "@/modules/subaccounts/data/mutations";
import { loadActorContext } from "@/lib/auth/memberships";
import { startTestApi, whoami, type TestApi } from "../support/api-server";
import { createTestAccount, type TestAccount } from "../support/fixtures";
import { consent, discover, insecure, REDIRECT, registerApp } from "../support/oauth";

let a: TestApi;
let b: TestApi;
let acct: TestAccount;
const limits = { maxAuthFailures: 1_000_000, maxInFlight: 1_000, redisUrl: undefined };
beforeAll(async () => {
  a = await startTestApi({ limits });
  b = await startTestApi({ limits });
  acct = await createTestAccount("OAuthExact");
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const status = async (api: TestApi, token: string) => (await whoami(api.url, `Bearer ${token}`)).status;
const afterBound = () => new Promise((resolve) => setTimeout(resolve, CHANGE_PROPAGATION_BOUND_MS));

async function tokenFor(ctx: typeof acct.ctx.owner, app: Awaited<ReturnType<typeof registerApp>>) {
  const as = await discover(a.url);
  const grant = await consent(ctx, app.app);
  const res = await oauth.authorizationCodeGrantRequest(as, app.client, oauth.ClientSecretBasic(app.secret), grant.callback(as, app.client), REDIRECT, grant.verifier, insecure);
  return (await oauth.processAuthorizationCodeResponse(as, app.client, res)).access_token;
}

describe("OAuth revocation across instances", () => {
  it("Revoke access, 10 rounds: 401 at once here, on the other instance after the bound", async () => {
    const app = await registerApp(acct.ctx.owner);
    for (let round = 0; round < 10; round++) {
      const token = await tokenFor(acct.ctx.owner, app);
      expect([await status(a, token), await status(b, token)]).toEqual([200, 200]);
      const authz = await (await getPrisma()).oAuthAuthorization.findFirstOrThrow({ where: { clientId: app.app.id, accountId: acct.accountId } });
      await revokeAuthorizedApp(acct.ctx.owner, authz.id);
      expect(await status(a, token)).toBe(401);
      await afterBound();
      expect(await status(b, token)).toBe(401);
    }
  });

  it("a suspended subaccount's tokens answer 403 on the next request", async () => {
    const app = await registerApp(acct.ctx.owner);
    const sub = await createSubaccount(acct.ctx.owner, { name: `Sub ${Date.now()}`, firstKey: null });
    const subCtx = (await loadActorContext(acct.ctx.owner.userId, { ip: null, userAgent: "vitest" }, sub.id))!;
    expect(subCtx.accountId).toBe(sub.id);
    const token = await tokenFor(subCtx, app);
    expect([await status(a, token), await status(b, token)]).toEqual([200, 200]);
    await setSubaccountSuspended(acct.ctx.owner, sub.id, true);
    expect(await status(a, token)).toBe(403);
    await afterBound();
    expect(await status(b, token)).toBe(403);
  });
});
