/**
 * Sessions end on the server: a captured cookie replayed after sign-out, after "sign out everywhere" and after a
 * password change is sent to /login. Deep links survive the sign-in, and redirects keep the host the app is
 * opened at.
 */
import { expect, test, type BrowserContext } from "@playwright/test";
import { API_REFERENCE_PATH } from "@/modules/api-keys/nav";
import { accountMenu, KEYS_PATH, PASSWORD, signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie, "a session cookie after sign-in").toBeTruthy();
  return cookie!;
}

test("a session cookie replayed after sign-out is sent to /login", async ({ page, browser }) => {
  await signIn(page, E2E_USERS.sessions);
  const captured = await sessionCookie(page.context());
  await accountMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/login$/);

  const thief = await browser.newContext();
  await thief.addCookies([captured]);
  const stolen = await thief.newPage();
  await stolen.goto(KEYS_PATH);
  await expect(stolen).toHaveURL(/\/login/);
  await expect(stolen.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await thief.close();
});

test("sign out everywhere ends every session of the person at once", async ({ page, browser }) => {
  await signIn(page, E2E_USERS.sessions);
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  await signIn(other, E2E_USERS.sessions);

  const trigger = page.getByRole("button", { name: "Account menu" });
  await accountMenu(page, "Sign out everywhere…");
  const dialog = page.getByRole("dialog", { name: "Sign out everywhere?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(trigger).toBeFocused();
  await accountMenu(page, "Sign out everywhere…");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await other.goto(KEYS_PATH);
  await expect(other).toHaveURL(/\/login/);
  await laptop.close();
});

test("a password change signs out the other sessions but keeps this one; the old password stops working", async ({ page, browser }) => {
  const email = E2E_USERS.password;
  await signIn(page, email);
  const phone = await browser.newContext();
  const other = await phone.newPage();
  await signIn(other, email);

  await page.goto("/settings/profile");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("a new passphrase 2");
  await page.getByLabel("Repeat the new password").fill("a new passphrase 2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("Your current password is not correct");

  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/At least 8 characters/);

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a new passphrase 2");
  await page.getByLabel("Repeat the new password").fill("a new passphrase 2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions have been signed out.")).toBeVisible();

  await other.goto(KEYS_PATH);
  await expect(other).toHaveURL(/\/login/);
  await page.goto(KEYS_PATH);
  await expect(page).toHaveURL(new RegExp(`${KEYS_PATH}$`));

  const fresh = await browser.newPage();
  await fresh.goto("/login");
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByLabel("Password").fill(PASSWORD);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await signIn(fresh, email, "a new passphrase 2");
  await phone.close();
});

test("signing in from a deep link lands on that page, on the host the app was opened at", async ({ page, baseURL }) => {
  const response = await page.request.get(API_REFERENCE_PATH, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const location = new URL(response.headers()["location"]!, baseURL);
  expect(location.host).toBe(new URL(baseURL!).host);
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("callbackUrl")).toBe(API_REFERENCE_PATH);

  await page.goto(API_REFERENCE_PATH);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(E2E_USERS.sessions);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${API_REFERENCE_PATH}$`));
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
});
