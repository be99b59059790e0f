/**
 * API users end to end: the owner adds one (the password rule is checked in the form), the generated user name is
 * shown once with a curl; whoami with it answers the API user; Disable → the very next request is 403
 * USER_DISABLED; Enable → 200; Delete → 401. All on Team Co's own data.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots } from "./support/a11y";
import { signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

const API_TAB = "/settings/account/users?tab=api";
const PASSWORD = "Crm-import-2026";

test("owner adds an API user → whoami with it → disable → 403 at once → enable → delete → 401", async ({ page, request }) => {
  await signIn(page, E2E_USERS.team);
  await page.goto(API_TAB);
  const add = page.getByRole("button", { name: "Add API user" });
  await add.click();
  const form = page.getByRole("dialog", { name: "Add API user" });
  await form.getByLabel("Description").fill("CRM import");
  await form.getByLabel("Password").fill("lettersonly");
  await form.getByRole("button", { name: "Add API user" }).click();
  await expect(form.getByText("At least 8 characters, including a digit or a symbol.").last()).toBeVisible();
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Add API user" }).click();

  const created = page.getByRole("dialog", { name: "API user added" });
  const username = (await created.getByTestId("new-api-username").textContent())!.trim();
  expect(username).toMatch(/^apiuser-[A-Za-z0-9]{8}@api\./);
  await expect(created.getByText(`curl --user '${username}:YOUR_PASSWORD'`)).toBeVisible();
  await expectAccessible(page, "API user added dialog");
  await screenshots(page, "api-user-added");
  await created.getByRole("button", { name: "Done" }).click();
  await expect(add).toBeFocused();

  const auth = { authorization: `Basic ${Buffer.from(`${username}:${PASSWORD}`).toString("base64")}` };
  const ok = await request.get("/api/v1/whoami", { headers: auth });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ account: { name: "Team Co" }, principal: { type: "api_user", username }, key: null });

  const row = page.getByRole("row", { name: new RegExp(username.replace(/[.]/g, "\\.")) });
  await expect(row).toBeVisible();
  await page.getByRole("button", { name: `Actions for ${username}` }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: `Disable ${username}?` }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText(`${username} disabled`)).toBeVisible();
  const disabled = await request.get("/api/v1/whoami", { headers: auth });
  expect(disabled.status()).toBe(403);
  expect(await disabled.json()).toMatchObject({ code: "USER_DISABLED" });

  await page.getByRole("button", { name: `Actions for ${username}` }).click();
  await page.getByRole("menuitem", { name: "Enable" }).click();
  await page.getByRole("dialog", { name: `Enable ${username}?` }).getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText(`${username} enabled`)).toBeVisible();
  expect((await request.get("/api/v1/whoami", { headers: auth })).status()).toBe(200);

  await page.getByRole("button", { name: `Actions for ${username}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete ${username}?` }).getByRole("button", { name: "Delete API user" }).click();
  await expect(page.getByText("API user deleted")).toBeVisible();
  expect((await request.get("/api/v1/whoami", { headers: auth })).status()).toBe(401);
  await expect(row).toHaveCount(0);
});
