/**
 * Subaccounts end to end: create one with its first key, switch into it, use the key, suspend (403
 * ACCOUNT_SUSPENDED on the very next call), resume, delete (401); the parent's verifier verifies the
 * subaccount's key, not the other way round; at the limit, request more → staff approve → the new limit.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { accountMenu, createKeyViaUi, signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

const SUBACCOUNTS = "/settings/account/subaccounts";
const basic = (key: string) => `Basic ${Buffer.from(`api:${key}`).toString("base64")}`;
const whoami = (request: APIRequestContext, key: string) => request.get("/api/v1/whoami", { headers: { authorization: basic(key) } });
const verify = (request: APIRequestContext, caller: string, key: string) =>
  request.post("/api/v1/keys/verify", { headers: { authorization: basic(caller), "content-type": "application/json" }, data: { key } });

async function subAction(page: Page, name: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

test("create with a first key → switch → use → suspend → resume → delete; verification across the tree", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, E2E_USERS.tree);
  const parentVerifier = await createKeyViaUi(page, { name: "Parent verifier", scopes: ["Verify keys (keys:verify)"] });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();

  await page.goto(SUBACCOUNTS);
  await expect(page.getByTestId("subaccount-quota")).toHaveText("0 of 3 subaccounts used");
  await page.getByRole("button", { name: "Create subaccount" }).click();
  const create = page.getByRole("dialog", { name: "Create subaccount" });
  await create.getByLabel("Name").fill("Tree Europe");
  await create.getByLabel("Create its first API key now").check();
  await create.getByRole("button", { name: "Create subaccount" }).click();
  const keyForm = page.getByRole("dialog", { name: "First API key of “Tree Europe”" });
  await keyForm.getByLabel("Name").fill("Europe verifier");
  await keyForm.getByRole("checkbox", { name: "Verify keys (keys:verify)" }).check();
  await keyForm.getByRole("button", { name: "Create subaccount and key" }).click();
  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  const subKey = await reveal.getByLabel("API key").inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /Tree Europe/ });
  await expect(row).toContainText("Active");
  const number = (await row.getByRole("cell").first().textContent())!.trim();
  expect(number).toMatch(/^m\d{4,}$/);

  const who = await whoami(request, subKey);
  expect(who.status()).toBe(200);
  expect((await who.json()).account).toMatchObject({ name: "Tree Europe", number, parent: { name: "Tree Co" } });

  // The parent's verifier verifies the subaccount's key; the subaccount's verifier cannot verify the parent's.
  expect(await (await verify(request, parentVerifier, subKey)).json()).toMatchObject({ code: "VALID", account: { name: "Tree Europe" } });
  expect(await (await verify(request, subKey, parentVerifier)).json()).toMatchObject({ code: "NOT_FOUND" });

  // Switch into it: the keys page is the subaccount's, as an inherited admin.
  await page.getByRole("button", { name: "Switch account" }).click();
  await page.getByRole("menuitemradio", { name: /Tree Europe/ }).click();
  await expect(page.getByLabel("Current account")).toContainText("Tree Europe");
  await expect(page.getByLabel("Current account")).toContainText("Admin · inherited from Tree Co");
  await page.goto("/settings/developers/api-keys");
  await expect(page.getByRole("row", { name: "Europe verifier" })).toBeVisible();
  await page.getByRole("button", { name: "Switch account" }).click();
  await page.getByRole("menuitemradio", { name: /^Tree Co/ }).click();
  await expect(page.getByLabel("Current account")).toContainText("Role: Owner");

  await page.goto(SUBACCOUNTS);
  await subAction(page, "Tree Europe", "Suspend");
  await page.getByRole("dialog", { name: "Suspend “Tree Europe”?" }).getByRole("button", { name: "Suspend" }).click();
  await expect(row).toContainText("Suspended");
  const suspended = await whoami(request, subKey);
  expect([suspended.status(), (await suspended.json()).code]).toEqual([403, "ACCOUNT_SUSPENDED"]);

  await subAction(page, "Tree Europe", "Resume");
  await page.getByRole("dialog", { name: "Resume “Tree Europe”?" }).getByRole("button", { name: "Resume" }).click();
  await expect(row).toContainText("Active");
  expect((await whoami(request, subKey)).status()).toBe(200);

  await subAction(page, "Tree Europe", "Delete");
  const del = page.getByRole("dialog", { name: "Delete subaccount" });
  await del.getByLabel("Type “Tree Europe” to confirm").fill("Tree Europe");
  await del.getByRole("button", { name: "Delete subaccount" }).click();
  await expect(del).toBeHidden();
  await expect(page.getByRole("row", { name: /Tree Europe/ })).toHaveCount(0);
  expect((await whoami(request, subKey)).status()).toBe(401);
  await page.goto("/settings/developers/api-keys");
  await expect(page.getByRole("list", { name: "Latest events" })).toContainText(`deleted subaccount Tree Europe (${number})`);
});

test("at the limit: request more → staff approve → the owner sees the new limit and can create again", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, E2E_USERS.limitParent);
  await page.goto(SUBACCOUNTS);
  await expect(page.getByTestId("subaccount-quota")).toHaveText("3 of 3 subaccounts used");
  await expect(page.getByRole("button", { name: "Create subaccount" })).toBeDisabled();
  await page.getByRole("button", { name: "Request more subaccounts" }).click();
  const form = page.getByRole("dialog", { name: "Request more subaccounts" });
  await form.getByLabel("How many more?").fill("2");
  await form.getByLabel("What are they for?").fill("Two new regional brands");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is waiting for our staff" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Request more subaccounts" })).toBeDisabled();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto("/login");
  await staff.getByLabel("Email").fill("staff@example.com");
  await staff.getByLabel("Password").fill("demo-password-1");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff).toHaveURL(/\/staff\/requests$/);
  await staff.getByLabel("Status").selectOption("pending");
  await staff.getByRole("button", { name: "Filter" }).click();
  await expect(staff).toHaveURL(/status=pending/);
  const requestRow = staff.getByRole("row").filter({ hasText: "Limit Parent Co" });
  await requestRow.getByRole("link", { name: "More subaccounts" }).click();
  await expect(staff.getByText("Two new regional brands")).toBeVisible();
  await expect(staff.getByLabel("New subaccount limit")).toHaveValue("5");
  await staff.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByText(/Approved by staff@example.com/)).toBeVisible();
  await staffContext.close();

  await page.reload();
  await expect(page.getByTestId("subaccount-quota")).toHaveText("3 of 5 subaccounts used");
  await expect(page.getByRole("status").filter({ hasText: "was approved" })).toBeVisible();
  await page.getByRole("button", { name: "Create subaccount" }).click();
  const create = page.getByRole("dialog", { name: "Create subaccount" });
  await create.getByLabel("Name").fill("Fourth brand");
  await create.getByLabel("Create its first API key now").uncheck();
  await create.getByRole("button", { name: "Create subaccount" }).click();
  await expect(page.getByRole("row", { name: /Fourth brand/ })).toBeVisible();
  await expect(page.getByTestId("subaccount-quota")).toHaveText("4 of 5 subaccounts used");
});

test("the staff console is a 404 for everyone else, signed in or not", async ({ page, request }) => {
  for (const path of ["/staff", "/staff/requests", "/staff/accounts", "/staff/requests/anything"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  for (const email of ["owner@example.com", "admin@example.com", "dev@example.com", "viewer@example.com", E2E_USERS.tree]) {
    await signIn(page, email);
    for (const path of ["/staff/requests", "/staff/accounts"]) {
      const res = await page.goto(path);
      expect(res?.status(), `${email} ${path}`).toBe(404);
    }
    await page.goto("/settings/developers/api-keys");
    await accountMenu(page, "Sign out");
    await expect(page).toHaveURL(/\/login/);
  }
});
