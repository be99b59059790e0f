/**
 * The profile page: key emails can be turned off (kept after a reload), and a person leaves an account they are a
 * member of; the last owner's Leave is refused with the reason. Profile Co's own data.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots } from "./support/a11y";
import { signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

test("turn key emails off; leave another account; the last owner cannot leave", async ({ page }) => {
  await signIn(page, E2E_USERS.profile);
  await page.goto("/settings/profile");
  const expiry = page.getByRole("checkbox", { name: /A key expires within 7 days/ });
  const digest = page.getByRole("checkbox", { name: /Weekly digest of keys due for rotation/ });
  await expect(expiry).toBeChecked();
  const save = page.getByRole("button", { name: "Save notifications" });
  await expect(save).toBeDisabled();
  await digest.uncheck();
  await save.click();
  await expect(page.getByText("Email notifications saved")).toBeVisible();
  await page.reload();
  await expect(digest).not.toBeChecked();
  await expect(expiry).toBeChecked();
  await expectAccessible(page, "profile page");
  await screenshots(page, "profile");

  const accounts = page.getByRole("list").filter({ hasText: "Leave Co" });
  await page.getByRole("button", { name: "Leave Leave Co" }).click();
  await page.getByRole("dialog", { name: "Leave Leave Co?" }).getByRole("button", { name: "Leave account" }).click();
  await expect(page.getByText("You left Leave Co")).toBeVisible();
  await expect(accounts).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Leave Leave Co" })).toHaveCount(0);

  await page.getByRole("button", { name: "Leave Profile Co" }).click();
  await page.getByRole("dialog", { name: "Leave Profile Co?" }).getByRole("button", { name: "Leave account" }).click();
  await expect(page.getByText("The account must keep at least one owner. Make someone else an owner first.")).toBeVisible();
  await expect(page.getByText("Profile Co").first()).toBeVisible();
});
