import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password-1";
export { KEYS_PATH } from "@/modules/api-keys/nav";
import { KEYS_PATH } from "@/modules/api-keys/nav";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${KEYS_PATH}$`));
}

/** Opens the header's account menu and chooses an item ("Sign out", "Sign out everywhere…", …). */
export async function accountMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

export type NewKey = { name: string; scopes?: string[]; allowedIps?: string; description?: string };

/** Fills and submits "New keys"; returns the revealed plaintext key and leaves the reveal dialog open. */
export async function createKeyViaUi(page: Page, key: NewKey): Promise<string> {
  await page.getByRole("button", { name: "New keys" }).click();
  const form = page.getByRole("dialog", { name: "New API key" });
  await form.getByLabel("Name").fill(key.name);
  if (key.description) await form.getByLabel("Description").fill(key.description);
  for (const scope of key.scopes ?? ["Subscribers"]) await form.getByRole("checkbox", { name: scope, exact: true }).check();
  if (key.allowedIps) await form.getByLabel("Allowed IP addresses").fill(key.allowedIps);
  await form.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  await expect(reveal).toBeVisible();
  return reveal.getByLabel("API key").inputValue();
}

/** "Change key" on a row with the given grace option; returns the new key and leaves the reveal dialog open. */
export async function rotateKeyViaUi(page: Page, name: string, grace = "Immediately"): Promise<string> {
  await rowAction(page, name, "Change key");
  const rotate = page.getByRole("dialog", { name: "Change key" });
  await rotate.getByRole("radio", { name: grace }).check();
  await rotate.getByRole("button", { name: "Change key" }).click();
  return page.getByRole("dialog", { name: "Your new API key" }).getByLabel("API key").inputValue();
}

/** Runs a row action ("Edit", "Change key", "Disable", "Enable", "Delete") from the ⋯ menu of the key named `name`. */
export async function rowAction(page: Page, name: string, action: string) {
  await row(page, name).getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}

export function row(page: Page, name: string) {
  return page.getByRole("row", { name });
}
