/**
 * OAuth apps end to end: a developer registers an app in the UI (secret shown once), a customer goes through the
 * real login and consent pages from /oauth/authorize, the test exchanges the code with oauth4webapi (PKCE), calls
 * whoami with the Bearer token, revokes access in the UI (401 at once); then the app goes through catalog review.
 */
import { expect, test, type Page } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { expectAccessible, screenshots } from "./support/a11y";
import { PASSWORD, signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

const REDIRECT = "http://localhost:8765/callback";
const insecure = { [oauth.allowInsecureRequests]: true } as const;

async function registerApp(page: Page, name: string) {
  await page.goto("/settings/developers/apps");
  await page.getByRole("button", { name: "New keys" }).click();
  const form = page.getByRole("dialog", { name: "New keys" });
  await form.getByLabel("Application name").fill(name);
  await form.getByLabel("Description").fill("Keeps your shop's customers in sync with your lists.");
  await form.getByLabel("Developer name or email").fill("Shop Sync Ltd");
  await form.getByLabel("Redirect URIs").fill("http://example.com/not-allowed");
  await form.getByRole("button", { name: "Request keys" }).click();
  await expect(form.getByText(/must use https/)).toBeVisible();
  await form.getByLabel("Redirect URIs").fill(REDIRECT);
  await form.getByRole("button", { name: "Request keys" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new client secret" });
  await expect(reveal).toBeVisible();
  const secret = await reveal.getByLabel("Client Secret").inputValue();
  expect(secret).toMatch(/^dcs_[0-9A-Za-z]{40}$/);
  await reveal.getByRole("button", { name: "Done" }).click();
  const card = page.getByRole("article", { name });
  const clientId = (await card.locator("code").first().textContent())!.trim();
  expect(clientId).toMatch(/^dca_/);
  await expect(card.getByText(`•••••${secret.slice(-5)}`)).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  return { clientId, secret, card };
}

test("register an app, authorize it through login and consent, use and revoke the token, list it in the catalog", async ({ page, browser, baseURL }) => {
  const name = `Shop Sync ${Date.now().toString(36)}`;
  await signIn(page, E2E_USERS.oauthDev);
  const { clientId, secret, card } = await registerApp(page, name);
  await expectAccessible(page, "apps page");
  await screenshots(page, "oauth-apps");

  // The customer, in a browser of their own, arrives from the app.
  const as = await oauth.processDiscoveryResponse(new URL(baseURL!), await oauth.discoveryRequest(new URL(baseURL!), { algorithm: "oauth2", ...insecure }));
  const client: oauth.Client = { client_id: clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorize = new URL(as.authorization_endpoint!);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT, scope: "subscribers campaigns", state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" })) {
    authorize.searchParams.set(k, v);
  }
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  let callback: URL | null = null;
  await customer.route("http://localhost:8765/**", (route) => {
    callback = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html lang=en><title>App</title><p>Connected</p></html>" });
  });
  await customer.goto(authorize.toString());
  await expect(customer).toHaveURL(/\/login\?callbackUrl=/);
  await customer.getByLabel("Email").fill(E2E_USERS.oauthCustomer);
  await customer.getByLabel("Password").fill(PASSWORD);
  await customer.getByRole("button", { name: "Sign in" }).click();
  await expect(customer.getByRole("heading", { name: `Connect ${name}` })).toBeVisible();
  await expect(customer.getByText("Shop Sync Ltd")).toBeVisible();
  await expect(customer.getByRole("radio", { name: /OAuth Customer Co/ })).toBeChecked();
  await expectAccessible(customer, "consent screen");
  await screenshots(customer, "oauth-consent");
  await customer.getByRole("button", { name: `Allow ${name}` }).click();
  await expect.poll(() => callback?.searchParams.get("code") ?? null).not.toBeNull();
  expect(callback!.searchParams.get("state")).toBe(state);
  // The route answered the redirect, but the page may still be navigating to it: a goto now would be cut off.
  await expect(customer.getByText("Connected")).toBeVisible();

  const params = oauth.validateAuthResponse(as, client, callback!, state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(secret), params, REDIRECT, verifier, insecure));
  const whoami = () => fetch(`${baseURL}/api/v1/whoami`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  const me = await whoami();
  expect(me.status).toBe(200);
  const body = (await me.json()) as { principal: { type: string; clientId: string; app: string }; account: { name: string } };
  expect(body.principal).toMatchObject({ type: "oauth", clientId, app: name });
  expect(body.account.name).toBe("OAuth Customer Co");

  // The customer sees the app under Authorized apps and revokes it: the very next call is refused.
  await customer.goto("/settings/account/authorized-apps");
  const authorizedRow = customer.getByRole("row", { name: new RegExp(name) });
  await expect(authorizedRow).toContainText(E2E_USERS.oauthCustomer);
  // Last use is written in batches (every 300 ms in this test server).
  await expect(async () => {
    await customer.reload();
    await expect(authorizedRow).not.toContainText("Never", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectAccessible(customer, "authorized apps");
  await screenshots(customer, "oauth-authorized-apps");
  await customer.getByRole("button", { name: `Revoke access of ${name}` }).click();
  await customer.getByRole("dialog", { name: "Revoke access" }).getByRole("button", { name: "Revoke access" }).click();
  await expect(customer.getByText("No app has access to this account.")).toBeVisible();
  expect((await whoami()).status).toBe(401);
  await customerContext.close();

  // The developer's counts, then the catalog: submit, staff approve, public page.
  await page.reload();
  await expect(card.getByTestId("authorized-count")).toHaveText("0");
  await expect(card.getByTestId("tokens-count")).toHaveText("1");
  await card.getByRole("button", { name: `Submit ${name} for review` }).click();
  const review = page.getByRole("dialog", { name: "Submit for review" });
  await review.getByLabel("Website").fill("https://shop-sync.example");
  await review.getByRole("button", { name: "Submit for review" }).click();
  await expect(card.getByTestId("catalog-status")).toHaveText("Waiting for review");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto("/login");
  await staff.getByLabel("Email").fill("staff@example.com");
  await staff.getByLabel("Password").fill(PASSWORD);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff).toHaveURL(/\/staff\/requests$/);
  await staff.getByRole("row").filter({ hasText: "OAuth Dev Co" }).getByRole("link", { name: "Integration" }).first().click();
  await expect(staff.getByText("https://shop-sync.example")).toBeVisible();
  await staff.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByText(/Approved by staff@example.com/)).toBeVisible();
  await staffContext.close();

  await page.reload();
  await expect(card.getByTestId("catalog-status")).toHaveText("Listed in the catalog");
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/integrations");
  await expect(visitor.getByRole("heading", { name })).toBeVisible();
  await expectAccessible(visitor, "integrations catalog");
  await screenshots(visitor, "oauth-integrations");
  await visitorContext.close();
});

test("the authorize endpoint shows bad redirects and sends other errors back to the app", async ({ page }) => {
  await signIn(page, E2E_USERS.oauthDev);
  const { clientId } = await registerApp(page, `Errors ${Date.now().toString(36)}`);
  await page.goto(`/oauth/authorize?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`);
  await expect(page.getByRole("heading", { name: "This app cannot be authorized" })).toBeVisible();
  await page.goto(`/oauth/authorize?response_type=code&client_id=dca_unknownunknown0000`);
  await expect(page.getByText("unknown client_id")).toBeVisible();
  let callback: URL | null = null;
  await page.route("http://localhost:8765/**", (route) => {
    callback = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "ok" });
  });
  await page.goto(`/oauth/authorize?response_type=token&client_id=${clientId}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=s1`).catch(() => {});
  await expect.poll(() => callback?.searchParams.get("error") ?? null).toBe("unsupported_response_type");
  expect(callback!.searchParams.get("state")).toBe("s1");
});
