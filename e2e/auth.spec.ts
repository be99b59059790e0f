import { expect, test } from "@playwright/test";
import { accountMenu, KEYS_PATH, PASSWORD, signIn } from "./support/session";

async function attempt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for the sign-in action's answer, so each attempt is counted before the next one starts.
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

const alert = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("alert");

test("wrong credentials get one generic error, for known and unknown users alike", async ({ page }) => {
  await page.goto("/login");
  await attempt(page, "owner@example.com", "wrong-password");
  await expect(alert(page)).toHaveText("Incorrect email or password.");
  await attempt(page, "nobody@example.com", "wrong-password");
  await expect(alert(page)).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures are throttled", async ({ page }) => {
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await attempt(page, "throttle@example.com", `wrong-${i}`);
    await expect(alert(page)).toHaveText("Incorrect email or password.");
  }
  // Even the right password is held back while the block lasts.
  await attempt(page, "throttle@example.com", PASSWORD);
  await expect(alert(page)).toHaveText(/^Too many failed attempts\. Try again in ([1-9]|[1-5]\d|60) seconds?\.$/);
  await expect(page).toHaveURL(/\/login/);
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await expect(page.getByText("Acme Ltd.")).toBeVisible();
  await accountMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/login/);
  await page.goto(KEYS_PATH);
  await expect(page).toHaveURL(/\/login/);
});

test("the sign-in form shows field errors under their fields, from the same schema as the server", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${KEYS_PATH}$`));
});
