import { expect, test, type APIRequestContext } from "@playwright/test";
import { createKeyViaUi, rotateKeyViaUi, row, rowAction, signIn } from "./support/session";

const basic = (key: string) => `Basic ${Buffer.from(`api:${key}`).toString("base64")}`;
const whoami = (request: APIRequestContext, key: string) =>
  request.get("/api/v1/whoami", { headers: { authorization: basic(key) } });

test("a dashboard key works against the API; last used and usage update; old secret ends after its grace", async ({ page, request }) => {
  await signIn(page, "api@example.com");
  const key = await createKeyViaUi(page, { name: "Integration", scopes: ["Subscribers", "Statistics"] });
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  const keyId = key.split(".")[0]!;

  for (let i = 0; i < 3; i++) {
    const res = await whoami(request, key);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.key).toMatchObject({ keyId, name: "Integration", scopes: ["subscribers", "statistics"] });
    expect(body.account.name).toBe("Api Co");
    expect(JSON.stringify(body)).not.toContain(key.split(".")[1]!);
  }

  // Usage is batched in memory and flushed every few hundred ms in this test server.
  const keyRow = row(page, "Integration");
  await expect(async () => {
    await page.reload();
    await expect(keyRow.getByRole("img", { name: "3 requests in the last 30 days" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(keyRow.locator("time").nth(1)).toHaveAccessibleDescription(/ UTC from 127\.0\.0\.1$/);

  // The API reference fills in this account's key id.
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByLabel("curl example for /api/v1/whoami", { exact: true })).toContainText(`curl --user 'api:${keyId}.YOUR_SECRET'`);
  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");
  await page.getByRole("link", { name: "API keys" }).click();

  // Change key, old secret valid for 1 hour.
  const newKey = await rotateKeyViaUi(page, "Integration", "In 1 hour");
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  expect((await whoami(request, newKey)).status()).toBe(200);
  expect((await whoami(request, key)).status()).toBe(200);

  // Move the API's clock (test-only, DC_TEST_CLOCK=1) past the grace period instead of waiting an hour.
  const clock = await request.post("/api/v1/__test/clock", { data: { advanceMs: 61 * 60_000 } });
  expect(clock.status()).toBe(200);
  const old = await whoami(request, key);
  expect(old.status()).toBe(401);
  expect(old.headers()["content-type"]).toContain("application/problem+json");
  expect((await whoami(request, newKey)).status()).toBe(200);

  // Disabling takes effect at once.
  await rowAction(page, "Integration", "Disable");
  await expect(keyRow.getByText("Disabled", { exact: true })).toBeVisible();
  const disabled = await whoami(request, newKey);
  expect(disabled.status()).toBe(403);
  expect((await disabled.json()).code).toBe("DISABLED");
});
