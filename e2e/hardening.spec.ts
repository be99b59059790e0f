/**
 * The production server behind the front door: hostile input gets a 4xx (never Next's 500), pages carry a
 * nonce-based Content-Security-Policy that forbids framing, and the server log stays one line per event.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { SERVER_LOG } from "../playwright.config";
import { KEYS_PATH, signIn } from "./support/session";

test("pages carry a nonce CSP that forbids framing, and every script carries the nonce", async ({ page }) => {
  const res = await page.request.get("/login");
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  // A fresh nonce per response.
  const again = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  // The app still works under the policy: sign in and see the keys.
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  await signIn(page, "dev@example.com");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("hostile requests to the real server get a 4xx before Next", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const post = (body: string, headers: Record<string, string>) => page.request.post(KEYS_PATH, { headers: { origin, ...headers }, data: body });
  const text = { "next-action": "00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff", "content-type": "text/plain;charset=UTF-8" };
  expect((await post('["$Q1"]', text)).status()).toBe(400);
  expect((await post("null", text)).status()).toBe(400);
  expect((await post("[".repeat(10_000) + "]".repeat(10_000), text)).status()).toBe(400);
  expect((await post(JSON.stringify(["x".repeat(1_100_000)]), text)).status()).toBe(413);
  expect((await post("", { "content-type": "multipart/form-data" })).status()).toBe(400);
  expect((await page.request.post("/login", { headers: { origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }, data: "" })).status()).toBe(403);
  expect((await page.request.fetch("/login", { method: "TRACE" })).status()).toBe(405);
  // The test-clock route exists in e2e (DC_TEST_CLOCK=1) but only under the API; pages are untouched.
  expect((await page.request.get("/login")).status()).toBe(200);
});

test("a failed sign-in and a bad session cookie each log one line, with no stack and nothing the client sent", async ({ browser }) => {
  const marker = `marker-${Date.now()}`;
  const before = fs.readFileSync(SERVER_LOG, "utf8").length;
  const context = await browser.newContext();
  await context.addCookies([{ name: "authjs.session-token", value: `${marker}-not-a-jwt`, domain: "127.0.0.1", path: "/" }]);
  const page = await context.newPage();
  await page.goto(KEYS_PATH);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(`${marker}@example.com`);
  await page.getByLabel("Password").fill(marker);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await context.close();
  const log = fs.readFileSync(SERVER_LOG, "utf8").slice(before);
  expect(log).not.toContain(marker);
  expect(log).not.toMatch(/^\s+at /m);
  expect(log).toContain("[auth] JWTSessionError");
  expect(log.split("\n").filter((l) => l.includes("[auth]")).length).toBeLessThanOrEqual(3);
});
