import { expect, test } from "@playwright/test";
import { createKeyViaUi, signIn } from "./support/session";

test("invalid IP lines show precise field errors and create nothing", async ({ page }) => {
  await signIn(page, "limits@example.com");
  const quota = page.getByTestId("key-quota");
  await expect(quota).toHaveText("14 of 15 keys used");

  await page.getByRole("button", { name: "New keys" }).click();
  const form = page.getByRole("dialog", { name: "New API key" });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Name is required")).toBeVisible();
  await expect(form.getByText("Choose at least one scope")).toBeVisible();

  await form.getByLabel("Name").fill("Bad IPs");
  await form.getByRole("checkbox", { name: "Subscribers", exact: true }).check();
  await form.getByLabel("Allowed IP addresses").fill("203.0.113.7\n010.0.0.1\n10.0.0.5/8\nnot-an-ip");
  await form.getByRole("button", { name: "Create key" }).click();
  const ipField = form.getByLabel("Allowed IP addresses");
  await expect(ipField).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Line 2: “010.0.0.1”: leading zeros are not allowed", { exact: false })).toBeVisible();
  await expect(form.getByText("Line 3: “10.0.0.5/8” has host bits set: did you mean 10.0.0.0/8?", { exact: false })).toBeVisible();
  await expect(form.getByText("Line 4: “not-an-ip” is not a valid IPv4 or IPv6 address", { exact: false })).toBeVisible();
  await form.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(quota).toHaveText("14 of 15 keys used");
  await expect(page.getByRole("row", { name: "Bad IPs" })).toHaveCount(0);
});

test("the 15th key is created; a tab still showing 14 gets the limit error once; then New keys is disabled with the reason", async ({ page }) => {
  await signIn(page, "limits@example.com");
  // A second tab opens the form while the account still has 14 keys.
  const stale = await page.context().newPage();
  await stale.goto(page.url());
  await stale.getByRole("button", { name: "New keys" }).click();
  const form = stale.getByRole("dialog", { name: "New API key" });
  await form.getByLabel("Name").fill("Sixteenth key");
  await form.getByRole("checkbox", { name: "Subscribers", exact: true }).check();

  await createKeyViaUi(page, { name: "Fifteenth key" });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("key-quota")).toHaveText("15 of 15 keys used");

  await form.getByRole("button", { name: "Create key" }).click();
  const message = "This account already has 15 of 15 API keys. Delete a key before creating another.";
  await expect(form.getByRole("alert")).toHaveText(message);
  // Shown once: in the form, not also as a toast.
  await expect(stale.getByText(message)).toHaveCount(1);
  await expect(stale.getByRole("dialog", { name: "Your new API key" })).toHaveCount(0);
  await stale.close();

  await page.reload();
  await expect(page.getByTestId("key-quota")).toHaveText("15 of 15 keys used");
  await expect(page.getByRole("row", { name: "Sixteenth key" })).toHaveCount(0);
  const newKeys = page.getByRole("button", { name: "New keys" });
  await expect(newKeys).toBeDisabled();
  await expect(newKeys).toHaveAccessibleDescription("Limit reached: delete a key to create another.");
  await expect(page.getByText("Limit reached: delete a key to create another.")).toBeVisible();
});
