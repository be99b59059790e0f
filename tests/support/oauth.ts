/** OAuth test helpers: an app registered through the data layer, consent granted as the consent screen does, oauth4webapi wiring. */
import crypto from "node:crypto";
import * as oauth from "oauth4webapi";
import { createAuthorizationCode } from "@/core/oauth/authorize";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/memberships";
import { createApp } from "@/modules/oauth-apps/data/mutations";
import { createAppSchema, type AppFormValues } from "@/modules/oauth-apps/schema";

export const REDIRECT = "http://localhost:8765/callback";
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

export async function registerApp(ctx: ActorContext, overrides: Partial<AppFormValues> = {}) {
  const input = createAppSchema.parse({
    name: `App ${crypto.randomBytes(3).toString("hex")}`,
    description: "Syncs subscribers",
    developerName: "dev@example.test",
    redirectUris: REDIRECT,
    grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
    ...overrides,
  });
  const issued = await createApp(ctx, input);
  return { app: issued.app, secret: issued.clientSecret, client: { client_id: issued.app.clientId } as oauth.Client };
}

export async function discover(url: string): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(url);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
}

/** What the consent screen does when the user presses Allow: a code for the app in `ctx`'s account. */
export async function consent(ctx: ActorContext, app: { id: string; name: string }, options: { verifier?: string; scopes?: string[]; redirectUri?: string } = {}) {
  const verifier = options.verifier ?? oauth.generateRandomCodeVerifier();
  const code = await createAuthorizationCode(await getPrisma(), {
    clientDbId: app.id,
    appName: app.name,
    accountId: ctx.accountId,
    userId: ctx.userId,
    userEmail: ctx.email,
    scopes: options.scopes ?? ["subscribers", "campaigns"],
    redirectUri: options.redirectUri ?? REDIRECT,
    codeChallenge: await oauth.calculatePKCECodeChallenge(verifier),
    ip: null,
  });
  return { code, verifier, callback: (as: oauth.AuthorizationServer, client: oauth.Client) => oauth.validateAuthResponse(as, client, new URLSearchParams({ code }), oauth.expectNoState) };
}

export async function tokenCall(url: string, form: Record<string, string>, basic?: [string, string]) {
  const res = await fetch(`${url}/api/v1/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(basic ? { authorization: `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString("base64")}` } : {}),
    },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
