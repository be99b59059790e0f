/**
 * The keys page as people use it, on Findable Co's own keys: one-line rows with the ⋯ menu, truncated
 * descriptions and exact times on hover / focus, copying a key id, the rotation reminder, the SMTP panel, finding a
 * key through linkable URL params, and axe in light and dark on every page and state visited.
 */
import { expect, test, type Page } from "@playwright/test";
import { API_REFERENCE_PATH } from "@/modules/api-keys/nav";
import { expectAccessible, screenshots } from "./support/a11y";
import { KEYS_PATH, row, signIn } from "./support/session";
import { E2E_USERS, FINDABLE_LONG_DESCRIPTION } from "./support/users";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const rowNames = (page: Page) => page.getByRole("table", { name: "API keys" }).locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label")));

test("rows stay one line: ⋯ menu, truncated description and UTC times on hover and focus, copy key id; axe in light and dark", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "login page");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expectAccessible(page, "login page (dark, following the system)");
  await page.emulateMedia({ colorScheme: "light" });
  await signIn(page, E2E_USERS.findable);
  const crm = row(page, "CRM sync");
  await expect(crm).toBeVisible();
  for (const name of ["CRM sync", "Shop backend", "Mailer relay", "Stats export"]) {
    const box = await row(page, name).boundingBox();
    expect(box!.height, `${name} is one line high`).toBeLessThan(52);
  }
  // No row action buttons on the row itself: they are in the ⋯ menu.
  await expect(page.getByRole("button", { name: /^(Edit|Delete|Disable) / })).toHaveCount(0);

  // The long description is cut visually; the full text shows on hover and on keyboard focus.
  const description = crm.getByText(FINDABLE_LONG_DESCRIPTION, { exact: true }).first();
  expect(await description.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const fullText = crm.getByRole("tooltip", { includeHidden: true }).filter({ hasText: FINDABLE_LONG_DESCRIPTION });
  await expect(fullText).toBeHidden();
  await description.hover();
  await expect(fullText).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(fullText).toBeHidden();
  await description.focus();
  await expect(fullText).toBeVisible();

  // Relative times, the exact UTC time in a tooltip.
  const lastUsed = crm.locator("time").nth(1);
  await expect(lastUsed).toHaveText("2 days ago");
  await lastUsed.focus();
  await expect(crm.getByRole("tooltip").filter({ hasText: /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/ })).toBeVisible();

  // Copy the key id.
  const keyId = (await crm.locator("code").first().textContent())!;
  expect(keyId).toMatch(/^dc_[0-9A-Za-z]{16}$/);
  await crm.getByRole("button", { name: "Copy key id of CRM sync" }).click();
  await expect(crm.getByRole("button", { name: "Copy key id of CRM sync: copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keyId);

  await expectAccessible(page, "keys page (light)");
  await screenshots(page, "keys-light");

  // The ⋯ menu, by keyboard: Enter opens it, arrows move, Escape closes and focus returns to ⋯.
  const trigger = crm.getByRole("button", { name: "Actions for CRM sync" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText(["Edit", "Change key", "Disable", "Delete"]);
  await expectAccessible(page, "keys page with the ⋯ menu open");
  await page.screenshot({ path: "test-results/screenshots/keys-menu-open.png" });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  // Dark: chosen in the header, and following the system when set to "System theme".
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expectAccessible(page, "keys page (dark)");
  await screenshots(page, "keys-dark");
  await trigger.click();
  await expectAccessible(page, "keys page with the ⋯ menu open (dark)");
  await page.keyboard.press("Escape");
  await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto(API_REFERENCE_PATH);
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expectAccessible(page, "API reference");
});

test("rotation reminder: the old key is flagged with Change key one click away and a banner counts it; SMTP credentials for smtp keys", async ({ page }) => {
  await signIn(page, E2E_USERS.findable);
  await expect(page.getByRole("note", { name: "Rotation reminder" })).toContainText("1 key has a secret older than 90 days.");
  const crm = row(page, "CRM sync");
  await expect(crm.getByRole("button", { name: "Change key CRM sync now" })).toHaveAccessibleDescription("Secret older than 90 days");
  // Shop backend is 120 days old but its secret was changed 20 days ago.
  await expect(row(page, "Shop backend").getByRole("button", { name: /now$/ })).toHaveCount(0);
  await crm.getByRole("button", { name: "Change key CRM sync now" }).click();
  const change = page.getByRole("dialog", { name: "Change key" });
  await expect(change).toContainText("“CRM sync”");
  await expectAccessible(page, "Change key dialog");
  await change.getByRole("button", { name: "Cancel" }).click();
  await expect(crm.getByRole("button", { name: "Change key CRM sync now" })).toBeFocused();

  const smtp = page.getByRole("region", { name: "SMTP credentials" });
  await expect(smtp.getByText("127.0.0.1", { exact: true })).toBeVisible();
  await expect(smtp.getByText("587")).toBeVisible();
  await expect(smtp.getByText("STARTTLS (required)")).toBeVisible();
  await expect(smtp.getByText("465")).toBeVisible();
  const shopKeyId = (await row(page, "Shop backend").locator("code").first().textContent())!;
  const usernames = smtp.getByRole("list", { name: "Usernames" });
  await expect(usernames.getByRole("listitem")).toHaveCount(1);
  await expect(usernames.getByRole("listitem")).toContainText(`Shop backend${shopKeyId}`);
  // Only enabled keys with the smtp scope: not the disabled Mailer relay, not CRM sync.
  await expect(usernames.getByText("Mailer relay")).toHaveCount(0);
  await expect(usernames.getByText("CRM sync")).toHaveCount(0);

  // The account's rotation age: a bad value is a field error and changes nothing; 15 days flags Shop backend too.
  const days = page.getByLabel("Remind to change secrets after");
  await days.fill("3");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("At least 7 days")).toBeVisible();
  await expect(page.getByRole("note", { name: "Rotation reminder" })).toContainText("1 key has a secret older than 90 days.");
  await days.fill("15");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("note", { name: "Rotation reminder" })).toContainText("2 keys have secrets older than 15 days.");
  await days.fill("90");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("note", { name: "Rotation reminder" })).toContainText("1 key has a secret older than 90 days.");
});

test("find a key: search by name, description and key id, filter by status and scope, sort; every view is a link", async ({ page }) => {
  await signIn(page, E2E_USERS.findable);
  const search = page.getByRole("searchbox", { name: "Search keys" });
  await search.fill("crm");
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=crm/);
  await expect.poll(() => rowNames(page)).toEqual(["CRM sync"]);
  await expect(page.getByText("Showing 1 of 4 keys.")).toBeVisible();

  await page.goto(`${KEYS_PATH}?q=checkout`);
  await expect.poll(() => rowNames(page)).toEqual(["Shop backend"]);
  await expect(page.getByRole("searchbox", { name: "Search keys" })).toHaveValue("checkout");

  await page.goto(KEYS_PATH);
  const statsKeyId = (await row(page, "Stats export").locator("code").first().textContent())!;
  await page.goto(`${KEYS_PATH}?q=${statsKeyId.slice(3, 14)}`);
  await expect.poll(() => rowNames(page)).toEqual(["Stats export"]);

  await page.goto(KEYS_PATH);
  await page.getByRole("combobox", { name: "Status" }).selectOption("disabled");
  await expect(page).toHaveURL(/status=disabled/);
  await expect.poll(() => rowNames(page)).toEqual(["Mailer relay"]);

  await page.goto(`${KEYS_PATH}?scope=smtp`);
  await expect(page.getByRole("combobox", { name: "Scope" })).toHaveValue("smtp");
  await expect.poll(() => rowNames(page)).toEqual(["Mailer relay", "Shop backend"]);

  await page.goto(KEYS_PATH);
  await expect.poll(() => rowNames(page)).toEqual(["Stats export", "Mailer relay", "Shop backend", "CRM sync"]);
  await page.getByRole("combobox", { name: "Sort by" }).selectOption("name");
  await expect(page).toHaveURL(/sort=name/);
  await expect.poll(() => rowNames(page)).toEqual(["CRM sync", "Mailer relay", "Shop backend", "Stats export"]);
  await page.goto(`${KEYS_PATH}?sort=lastUsed`);
  await expect.poll(() => rowNames(page)).toEqual(["Shop backend", "CRM sync", "Stats export", "Mailer relay"]);

  await page.goto(`${KEYS_PATH}?q=nothing-like-this`);
  await expect(page.getByRole("heading", { name: "No keys match" })).toBeVisible();
  await page.getByRole("link", { name: "clear the filters" }).click();
  await expect.poll(() => rowNames(page)).toHaveLength(4);
});
