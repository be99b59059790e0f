import { expect, test } from "@playwright/test";
import { createKeyViaUi, KEYS_PATH, signIn } from "./support/session";

test("developer sees the keys read-only", async ({ page }) => {
  await signIn(page, "dev@example.com");
  await expect(page.getByText("Role: Developer")).toBeVisible();
  await expect(page.getByRole("row", { name: "CRM sync" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New keys" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Delete|Disable|Change key) / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByText("Your role can view keys but not change them.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
});

test("viewer gets a clear no-access page", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText("CRM sync")).toHaveCount(0);
});

test("admin can create keys; another account never sees them", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await expect(page.getByText("Role: Admin")).toBeVisible();
  const name = `Admin key ${Date.now()}`;
  await createKeyViaUi(page, { name });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name })).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, "other@example.com");
  await expect(other.getByText("Globex")).toBeVisible();
  await expect(other.getByRole("row", { name })).toHaveCount(0);
  await expect(other.getByRole("row", { name: "CRM sync" })).toHaveCount(0);
  await other.close();
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto(KEYS_PATH);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
