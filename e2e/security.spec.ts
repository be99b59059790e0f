import { expect, test, type Page, type Request } from "@playwright/test";
import { createKeyViaUi, KEYS_PATH, row, rowAction, signIn } from "./support/session";

/** Captures the next server-action request the page sends while `act` runs. */
async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const request = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await act();
  return request;
}

async function replay(page: Page, captured: Request, body: unknown, origin?: string | null) {
  const headers = { ...captured.headers() };
  delete headers["content-length"];
  if (origin === undefined) headers.origin = new URL(captured.url()).origin;
  else if (origin === null) delete headers.origin;
  else headers.origin = origin;
  return page.request.post(captured.url(), { headers, data: JSON.stringify(body) });
}

test("a replayed action with another account's key id answers not found and changes nothing", async ({ page, browser }) => {
  // The victim's key id, as Acme's owner sees it.
  const acme = await browser.newPage();
  await signIn(acme, "owner@example.com");
  const victimId = await row(acme, "CRM sync").getAttribute("data-id");
  expect(victimId).toBeTruthy();
  const victimMask = await row(acme, "CRM sync").getByText(/^•••••/).textContent();

  await signIn(page, "other@example.com");
  const name = `Globex probe ${Date.now()}`;
  await createKeyViaUi(page, { name });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  const captured = await captureAction(page, () => rowAction(page, name, "Disable"));
  await expect(row(page, name).getByText("Disabled", { exact: true })).toBeVisible();

  await rowAction(page, name, "Change key");
  const rotate = await captureAction(page, () =>
    page.getByRole("dialog", { name: "Change key" }).getByRole("button", { name: "Change key" }).click(),
  );
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();

  for (const [action, body] of [
    [captured, [{ id: victimId, enabled: false }]],
    [rotate, [{ id: victimId, grace: "now" }]],
  ] as const) {
    const text = await (await replay(page, action, body)).text();
    expect(text).toContain('"ok":false,"error":"API key not found."');
    expect(text).not.toContain("plaintextKey");
  }
  await acme.reload();
  await expect(row(acme, "CRM sync").getByText("Active", { exact: true })).toBeVisible();
  await expect(row(acme, "CRM sync").getByText(/^•••••/)).toHaveText(victimMask!);
  await acme.close();
});

test("server actions from a foreign, null or missing Origin are refused", async ({ page }) => {
  await signIn(page, "other@example.com");
  const name = `Globex csrf ${Date.now()}`;
  await createKeyViaUi(page, { name });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  const id = await row(page, name).getAttribute("data-id");
  const captured = await captureAction(page, () => rowAction(page, name, "Disable"));
  await expect(row(page, name).getByText("Disabled", { exact: true })).toBeVisible();

  for (const origin of ["https://evil.example", "null", null]) {
    const res = await replay(page, captured, [{ id, enabled: true }], origin);
    expect(res.status()).toBe(403);
  }
  // The same replay from our own origin is accepted, proving the refusals were about the Origin only.
  await page.reload();
  await expect(row(page, name).getByText("Disabled", { exact: true })).toBeVisible();
  const ok = await replay(page, captured, [{ id, enabled: true }]);
  expect(ok.status()).toBe(200);
  await page.reload();
  await expect(row(page, name).getByText("Active", { exact: true })).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite=Lax, and key pages are not cached", async ({ page, context }) => {
  await signIn(page, "other@example.com");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  const res = await page.request.get(KEYS_PATH);
  expect(res.headers()["cache-control"]).toContain("no-store");
});
