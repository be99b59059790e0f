import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { API_KEY_REGEX } from "@/core/secrets/key-format";
import { SERVER_LOG } from "../playwright.config";
import { createKeyViaUi, KEYS_PATH, rotateKeyViaUi, row, rowAction, signIn } from "./support/session";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** Everything a page can leak through after the reveal dialog is gone. */
async function expectSecretGone(page: import("@playwright/test").Page, plaintext: string) {
  const secret = plaintext.split(".")[1]!;
  expect(await page.content()).not.toContain(secret);
  const html = await (await page.request.get(KEYS_PATH)).text();
  expect(html).not.toContain(secret);
  const rsc = await page.request.get(KEYS_PATH, { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(secret);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain(secret);
}

test("owner goes through the whole key lifecycle", async ({ page }) => {
  const revealed: string[] = [];
  await signIn(page, "lifecycle@example.com");
  await expect(page.getByText("Lifecycle GmbH")).toBeVisible();
  await expect(page.getByText("Role: Owner")).toBeVisible();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expect(page.getByTestId("key-quota")).toHaveText("0 of 15 keys used");

  // Create and reveal once.
  const plaintext = await createKeyViaUi(page, {
    name: "Shop backend",
    description: "Checkout service",
    scopes: ["Subscribers", "Articles"],
    allowedIps: "203.0.113.0/24\n2001:DB8::1",
  });
  revealed.push(plaintext);
  expect(plaintext).toMatch(API_KEY_REGEX);
  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  await expect(reveal.getByText("It will not be shown again", { exact: false })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/reveal-dialog.png" });
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(reveal.getByRole("button", { name: "Copy: copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(plaintext);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();

  const keyRow = row(page, "Shop backend");
  const [keyId, secret] = plaintext.split(".") as [string, string];
  await expect(keyRow.getByText(keyId)).toBeVisible();
  await expect(keyRow.getByText(`•••••${secret.slice(-5)}`)).toBeVisible();
  await expect(keyRow.getByText("203.0.113.0/24")).toBeVisible();
  await expect(keyRow.getByText("2001:db8::1")).toBeVisible();
  await expect(keyRow.getByText("Active")).toBeVisible();
  // The creator and the exact time are the relative time's tooltip (its accessible description).
  await expect(keyRow.locator("time").first()).toHaveAccessibleDescription(/ UTC by lifecycle@example\.com$/);
  await expect(page.getByTestId("key-quota")).toHaveText("1 of 15 keys used");
  await expectSecretGone(page, plaintext);
  await page.reload();
  await expect(row(page, "Shop backend").getByText(`•••••${secret.slice(-5)}`)).toBeVisible();
  await expectSecretGone(page, plaintext);
  await page.screenshot({ path: "test-results/screenshots/keys-page.png", fullPage: true });

  // Edit: prefilled, secret unchanged.
  await rowAction(page, "Shop backend", "Edit");
  const edit = page.getByRole("dialog", { name: "Edit “Shop backend”" });
  await expect(edit.getByLabel("Name")).toHaveValue("Shop backend");
  await expect(edit.getByLabel("Allowed IP addresses")).toHaveValue("203.0.113.0/24\n2001:db8::1");
  await expect(edit.getByRole("checkbox", { name: "Articles", exact: true })).toBeChecked();
  await edit.getByLabel("Name").fill("Shop backend v2");
  await edit.getByRole("checkbox", { name: "Statistics", exact: true }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  const edited = row(page, "Shop backend v2");
  await expect(edited.getByText("Subscribers, Articles, Statistics")).toBeVisible();
  await expect(edited.getByText(`•••••${secret.slice(-5)}`)).toBeVisible();

  // Change key: same key id, new secret shown once; the old one keeps working for the chosen grace period.
  const rotated = await rotateKeyViaUi(page, "Shop backend v2", "In 1 hour");
  const newReveal = page.getByRole("dialog", { name: "Your new API key" });
  revealed.push(rotated);
  expect(rotated.startsWith(`${keyId}.`)).toBe(true);
  expect(rotated).not.toBe(plaintext);
  await newReveal.getByRole("button", { name: "Done" }).click();
  const newSecret = rotated.split(".")[1]!;
  await expect(edited.getByText(`•••••${newSecret.slice(-5)}`)).toBeVisible();
  await expect(edited.getByText("Grace period")).toHaveAccessibleDescription(/^Old secret works until /);
  await expectSecretGone(page, rotated);

  // Disable / enable.
  await rowAction(page, "Shop backend v2", "Disable");
  await expect(edited.getByText("Disabled", { exact: true })).toBeVisible();
  await rowAction(page, "Shop backend v2", "Enable");
  await expect(edited.getByText("Active", { exact: true })).toBeVisible();

  // Delete with typed confirmation.
  await rowAction(page, "Shop backend v2", "Delete");
  const del = page.getByRole("dialog", { name: "Delete API key" });
  const confirmButton = del.getByRole("button", { name: "Delete key" });
  await del.getByLabel("Type “Shop backend v2” to confirm").fill("Shop backend");
  await expect(confirmButton).toBeDisabled();
  await del.getByLabel("Type “Shop backend v2” to confirm").fill("Shop backend v2");
  await confirmButton.click();
  await expect(del).toBeHidden();
  await expect(row(page, "Shop backend v2")).toHaveCount(0);
  await expect(page.getByText("No API keys yet")).toBeVisible();

  // The audit trail outlives the key.
  const activity = page.getByRole("list", { name: "Latest events" });
  for (const text of ["created API key", "edited API key", "changed the secret of API key", "disabled API key", "enabled API key", "deleted API key"]) {
    await expect(activity.getByText(text)).toBeVisible();
  }

  // No secret in the server's logs.
  const log = fs.readFileSync(SERVER_LOG, "utf8");
  for (const key of revealed) expect(log).not.toContain(key.split(".")[1]!);
});
