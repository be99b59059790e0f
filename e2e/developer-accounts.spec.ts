/**
 * Developer accounts end to end: Acme's owner asks for a staging developer account (the Company rule's error
 * shows the right value) → staff approve → the owner switches in, sees the banner, creates a key, and whoami
 * answers kind developer with the limits; a whitelabel owner is sent to the request form; an integrator's public
 * request → confirmation link from the outbox → staff approve → invitation → password → the new account.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, screenshots } from "./support/a11y";
import { createKeyViaUi, KEYS_PATH, PASSWORD, signIn } from "./support/session";

const INTEGRATIONS = "/settings/account/integrations";
const basic = (key: string) => `Basic ${Buffer.from(`api:${key}`).toString("base64")}`;

async function staffPage(browser: Browser): Promise<Page> {
  const staff = await (await browser.newContext()).newPage();
  await staff.goto("/login");
  await staff.getByLabel("Email").fill("staff@example.com");
  await staff.getByLabel("Password").fill(PASSWORD);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff).toHaveURL(/\/staff\/requests$/);
  return staff;
}

/** Staff open the pending developer-account request whose row mentions `text`, check it, and approve it. */
async function approve(browser: Browser, rowText: string, shows: string) {
  const staff = await staffPage(browser);
  await staff.goto("/staff/requests?type=developer_account&status=pending");
  await staff.getByRole("row").filter({ hasText: rowText }).getByRole("link", { name: "Developer account" }).click();
  await expect(staff.getByText(shows, { exact: true })).toBeVisible();
  await expectAccessible(staff, "staff developer-account request");
  await screenshots(staff, "staff-developer-request");
  await staff.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByText(/Approved by staff@example.com/)).toBeVisible();
  return staff;
}

/** The newest email to `to` whose subject matches, read by staff in the outbox; answers the link's path. */
async function linkFromOutbox(staff: Page, to: string, subject: string, path: RegExp): Promise<string> {
  await staff.goto(`/staff/outbox?to=${encodeURIComponent(to)}`);
  const email = staff.getByRole("listitem").filter({ hasText: subject }).first();
  await email.locator("summary").click();
  const link = (await email.locator("pre").textContent())?.match(new RegExp(`https?://\\S+${path.source}`))?.[0];
  expect(link, `link in "${subject}"`).toBeTruthy();
  return new URL(link!).pathname;
}

test("staging: Acme's owner requests → staff approve → switch in, banner, a key, whoami says developer with limits", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  await signIn(page, "owner@example.com");
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(page).toHaveURL(new RegExp(`${INTEGRATIONS}$`));
  await page.getByRole("button", { name: "Create a developer account to get started" }).click();
  const form = page.getByRole("form", { name: "Developer account request" });
  const hint = await form.getByText(/Your account's name followed by its number/).textContent();
  const company = hint!.match(/“(Acme Ltd\. m\d+)”/)![1]!;
  await form.getByLabel("Company").fill("Acme Ltd. m9");
  await form.getByLabel("Contact name").fill("Olivia Owner");
  await form.getByLabel("Contact email").fill("owner@example.com");
  await form.getByLabel("What are you building?").fill("A staging copy of our shop for the next release");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByText(`m9 is not this account's number. Company must end with ${company.split(" ").at(-1)}, e.g. “${company}”.`)).toBeVisible();
  await expectAccessible(page, "Integrations with the request form");
  await screenshots(page, "integrations-form");
  await form.getByLabel("Company").fill(`  acme ltd.  ${company.split(" ").at(-1)!.toUpperCase()} `);
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Waiting for staff" })).toBeVisible();

  (await approve(browser, "Acme Ltd.", "A staging copy of our shop for the next release")).context().close();

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "Approved" })).toBeVisible();
  await expectAccessible(page, "Integrations with a linked account");
  await screenshots(page, "integrations-linked");
  await page.getByRole("button", { name: "Switch to Acme Ltd. (developer)" }).click();
  await expect(page).toHaveURL(new RegExp(`${KEYS_PATH}$`));
  await expect(page.getByLabel("Current account")).toContainText("Acme Ltd. (developer)");
  const banner = page.getByRole("note", { name: "Developer account" });
  await expect(banner).toContainText("Developer account — not for production use.");
  await expect(banner).toContainText("200 emails a day, at most 5 API keys");
  const key = await createKeyViaUi(page, { name: "Staging key" });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  await expectAccessible(page, "developer account keys page");
  await screenshots(page, "developer-account-keys");
  const whoami = await request.get("/api/v1/whoami", { headers: { authorization: basic(key) } });
  expect(whoami.status()).toBe(200);
  const body = await whoami.json();
  expect(body.account).toMatchObject({ name: "Acme Ltd. (developer)", kind: "developer" });
  expect(body.limits).toEqual({ production: false, emailsPerDay: 200, apiKeys: 5 });
  await page.goto(INTEGRATIONS);
  await expect(page.getByText("it cannot request developer accounts")).toBeVisible();
});

test("whitelabel: the API keys page explains and sends the owner to the request form", async ({ page }) => {
  await signIn(page, "wl-owner@example.com");
  await expect(page.getByRole("heading", { name: "API keys are not available in a whitelabel account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New keys" })).toHaveCount(0);
  await expectAccessible(page, "whitelabel gate");
  await screenshots(page, "whitelabel-gate");
  await page.getByRole("link", { name: "Request a developer account" }).click();
  await expect(page).toHaveURL(/\/settings\/account\/integrations\?useCase=whitelabel$/);
  const form = page.getByRole("form", { name: "Developer account request" });
  await expect(form.getByRole("radio", { name: /^Whitelabel/ })).toBeChecked();
  await expect(form.getByText(/“Initech m\d+”/)).toBeVisible();
  await page.goto("/settings/developers/api-reference");
  await expect(page.getByRole("link", { name: "Request a developer account" })).toBeVisible();
});

test("integrator: public request → confirmation link → staff approve → invitation → password → the new account", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `ivy-${Date.now()}@example.com`;
  await page.goto("/developer-accounts/request");
  await expect(page.getByRole("heading", { name: "Request a developer account" })).toBeVisible();
  await expectAccessible(page, "public request form");
  await screenshots(page, "public-request");
  const form = page.getByRole("form", { name: "Developer account request" });
  await form.getByLabel("Company").fill("Connectors Inc.");
  await form.getByLabel("Contact name").fill("Ivy Integrator");
  await form.getByLabel("Contact email").fill(email);
  await form.getByLabel("Third-party platform").fill("Shopware");
  await form.getByLabel("Website").fill("https://connectors.example");
  await form.getByLabel("What are you building?").fill("A connector between Shopware and the sending platform");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();

  const staff = await staffPage(browser);
  await staff.goto("/staff/requests?type=developer_account&status=pending");
  await expect(staff.getByRole("row").filter({ hasText: email })).toHaveCount(0); // not before the email is confirmed
  const confirm = await linkFromOutbox(staff, email, "Confirm your developer account request", /\/developer-accounts\/confirm\/[\w-]+/);
  await page.goto(confirm);
  await expectAccessible(page, "confirmation page");
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByRole("status")).toContainText("your request is waiting for our staff");

  (await approve(browser, email, "Shopware")).context().close();
  const invitation = await linkFromOutbox(staff, email, "You are invited to Connectors Inc. (developer)", /\/invitations\/[\w-]+/);
  await staff.context().close();
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(invitation);
  await invitee.getByLabel("Your name").fill("Ivy Integrator");
  await invitee.getByLabel("Password", { exact: true }).fill("a-fresh-passphrase-7");
  await invitee.getByLabel("Confirm password").fill("a-fresh-passphrase-7");
  await invitee.getByRole("button", { name: "Join and sign in" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${KEYS_PATH}$`));
  await expect(invitee.getByLabel("Current account")).toContainText("Connectors Inc. (developer)");
  await expect(invitee.getByRole("note", { name: "Developer account" })).toContainText("not for production use");
  await invitee.context().close();
});
