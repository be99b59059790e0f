/**
 * Revocation is exact, driven from the dashboard with no pauses: after each action returns, the very next API
 * request answers from the new state (create → change key now → disable → delete, 5 rounds).
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createKeyViaUi, rotateKeyViaUi, row, rowAction, signIn } from "./support/session";
import { E2E_USERS } from "./support/users";

const whoami = (request: APIRequestContext, key: string) =>
  request.get("/api/v1/whoami", { headers: { authorization: `Basic ${Buffer.from(`api:${key}`).toString("base64")}` } });

test("5 rounds of create → change now → disable → delete, each checked by the very next request", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, E2E_USERS.revocation);
  for (let round = 1; round <= 5; round++) {
    const name = `Round ${round}`;
    const key = await createKeyViaUi(page, { name });
    await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
    expect((await whoami(request, key)).status(), `${name}: new key`).toBe(200);

    const changed = await rotateKeyViaUi(page, name, "Immediately");
    await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
    expect((await whoami(request, key)).status(), `${name}: old secret after change now`).toBe(401);
    expect((await whoami(request, changed)).status(), `${name}: new secret`).toBe(200);

    await rowAction(page, name, "Disable");
    await expect(row(page, name).getByText("Disabled", { exact: true })).toBeVisible();
    const disabled = await whoami(request, changed);
    expect(disabled.status(), `${name}: disabled`).toBe(403);
    expect((await disabled.json()).code).toBe("DISABLED");

    await rowAction(page, name, "Delete");
    const dialog = page.getByRole("dialog", { name: "Delete API key" });
    await dialog.getByLabel(`Type “${name}” to confirm`).fill(name);
    await dialog.getByRole("button", { name: "Delete key" }).click();
    // The dialog closes when the action has answered (while it is open, the rows are hidden from the a11y tree).
    await expect(dialog).toBeHidden();
    await expect(row(page, name)).toHaveCount(0);
    expect((await whoami(request, changed)).status(), `${name}: deleted`).toBe(401);
  }
});
