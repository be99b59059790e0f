/**
 * Phone Co at 390 × 844: no sideways scroll, the settings nav as a menu, keys as stacked cards, dialogs on screen,
 * and the whole key lifecycle through the ⋯ menu.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { createKeyViaUi, rotateKeyViaUi, row, rowAction, signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function expectOnScreen(locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y).toBeGreaterThanOrEqual(0);
}

test("the key lifecycle on a phone", async ({ page }) => {
  await signIn(page, E2E_USERS.phone);
  await expectNoSidewaysScroll(page);
  // The settings nav collapses into a menu.
  const navButton = page.getByRole("button", { name: /^Settings menu/ });
  await expect(navButton).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" })).toBeHidden();
  await navButton.click();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API reference" })).toBeVisible();
  await navButton.click();

  await page.getByRole("button", { name: "New keys" }).click();
  await expectOnScreen(page.getByRole("dialog", { name: "New API key" }));
  await page.getByRole("dialog", { name: "New API key" }).getByRole("button", { name: "Cancel" }).click();
  const plaintext = await createKeyViaUi(page, { name: "Phone key", description: "Created on a phone with a description long enough to be cut" });
  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  await expectOnScreen(reveal);
  await expectNoSidewaysScroll(page);
  await reveal.getByRole("button", { name: "Done" }).click();

  // A stacked card: name and ⋯ on the first line, the key id below it.
  const card = row(page, "Phone key");
  const keyId = plaintext.split(".")[0]!;
  const nameBox = (await card.getByText("Phone key", { exact: true }).boundingBox())!;
  const idBox = (await card.getByText(keyId).boundingBox())!;
  expect(idBox.y).toBeGreaterThan(nameBox.y + nameBox.height - 1);
  await expectOnScreen(card);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, "keys page at 390 px");

  await rowAction(page, "Phone key", "Edit");
  const edit = page.getByRole("dialog", { name: "Edit “Phone key”" });
  await expectOnScreen(edit);
  await edit.getByLabel("Description").fill("Edited on a phone");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(card.getByText("Edited on a phone").first()).toBeVisible();

  const rotated = await rotateKeyViaUi(page, "Phone key", "Immediately");
  expect(rotated.startsWith(`${keyId}.`)).toBe(true);
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();

  await rowAction(page, "Phone key", "Disable");
  await expect(card.getByText("Disabled", { exact: true })).toBeVisible();
  await rowAction(page, "Phone key", "Enable");
  await expect(card.getByText("Active", { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await rowAction(page, "Phone key", "Delete");
  const del = page.getByRole("dialog", { name: "Delete API key" });
  await expectOnScreen(del);
  await del.getByLabel("Type “Phone key” to confirm").fill("Phone key");
  await del.getByRole("button", { name: "Delete key" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  // The row is gone with its ⋯ button: focus lands on the page's heading, not on <body>.
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeFocused();
});
