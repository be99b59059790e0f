/**
 * Forms Co: live counters instead of silently cut names, an IP line with a comma, what an edit changed in the
 * activity list, toasts that leave the account menu alone, and a stale tab whose action finds the key gone.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots } from "./support/a11y";
import { row, rowAction, signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

test("counters, one IP per line, what an edit changed, toasts beside the account menu, a key deleted in another tab", async ({ page }) => {
  await signIn(page, E2E_USERS.forms);
  await page.getByRole("button", { name: "New keys" }).click();
  const form = page.getByRole("dialog", { name: "New API key" });
  const name = form.getByLabel("Name");
  await expect(name).toHaveAccessibleDescription(/^0 \/ 64 characters/);
  await name.fill("x".repeat(65));
  // Nothing is cut: the 65th character stays and the counter says so.
  await expect(name).toHaveValue("x".repeat(65));
  await expect(form.getByText("65 / 64 characters — 1 too many")).toBeVisible();
  await form.getByLabel("Description").fill("Checkout");
  await expect(form.getByText("8 / 500 characters")).toBeVisible();
  await form.getByRole("checkbox", { name: "Subscribers", exact: true }).check();
  await form.getByLabel("Allowed IP addresses").fill("203.0.113.7, 198.51.100.1");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Name must be at most 64 characters")).toBeVisible();
  await expect(form.getByText("Line 1: “203.0.113.7, 198.51.100.1”: one address or range per line")).toBeVisible();
  await expectAccessible(page, "New API key dialog with errors");

  await name.fill("Forms key");
  await expect(form.getByText("9 / 64 characters")).toBeVisible();
  await form.getByLabel("Allowed IP addresses").fill("203.0.113.7\n198.51.100.1");
  await form.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  await expect(reveal.getByText("curl --user", { exact: false })).toBeVisible();
  await expectAccessible(page, "reveal dialog");
  await screenshots(page, "reveal-dialog");
  await reveal.getByRole("button", { name: "Done" }).click();

  // An edit says what it changed.
  await rowAction(page, "Forms key", "Edit");
  const edit = page.getByRole("dialog", { name: "Edit “Forms key”" });
  await expectAccessible(page, "Edit dialog");
  await edit.getByLabel("Name").fill("Forms key v2");
  await edit.getByRole("checkbox", { name: "Statistics", exact: true }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  // Focus returns to the row's ⋯ button, not to <body>.
  await expect(row(page, "Forms key v2").getByRole("button", { name: "Actions for Forms key v2" })).toBeFocused();

  // The toast sits away from the header's account menu.
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Changes saved" });
  await expect(toast).toBeVisible();
  await page.getByRole("button", { name: "Account menu" }).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  const [t, m] = [(await toast.boundingBox())!, (await menu.boundingBox())!];
  const overlap = t.x < m.x + m.width && m.x < t.x + t.width && t.y < m.y + m.height && m.y < t.y + t.height;
  expect(overlap, "toast over the account menu").toBe(false);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("list", { name: "Latest events" }).getByRole("listitem").first()).toContainText(
    "edited API key “Forms key v2”: changed name and scopes",
  );

  // Another tab deletes the key; this tab still shows it and tries to disable it.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await rowAction(other, "Forms key v2", "Delete");
  const del = other.getByRole("dialog", { name: "Delete API key" });
  await del.getByLabel("Type “Forms key v2” to confirm").fill("Forms key v2");
  await del.getByRole("button", { name: "Delete key" }).click();
  await expect(other.getByText("No API keys yet")).toBeVisible();
  await other.close();

  await rowAction(page, "Forms key v2", "Disable");
  await expect(page.getByText("“Forms key v2” was removed elsewhere (in another tab or by someone else). The list has been refreshed.")).toBeVisible();
  await expect(row(page, "Forms key v2")).toHaveCount(0);
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeFocused();
});
