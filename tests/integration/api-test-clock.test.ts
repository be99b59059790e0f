/**
 * Time in the verification API, driven by its test clock (api-server/clock.ts) instead of editing rows and
 * refreshing the cache by hand: a key's expiry and a rotation's grace period end exactly when the product says,
 * checked one second before and at the boundary. And the clock's HTTP route exists only when DC_TEST_CLOCK=1 at
 * the moment the API handler is created; otherwise it is an unknown path (404).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceTestClock, resetTestClock } from "@/api-server/clock";
import { createApiKey, rotateApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { basic, startTestApi, verifyCall, whoami, type TestApi } from "../support/api-server";
import { withApiClock, withTestClockEnv } from "../support/test-clock";

let api: TestApi;
let acct: TestAccount;
let caller: string;
beforeAll(async () => {
  api = await withTestClockEnv(undefined, () => startTestApi({ limits: { maxAuthFailures: 10_000, redisUrl: undefined } }));
  acct = await createTestAccount("Clock");
  caller = (await createApiKey(acct.ctx.owner, keyInput({ name: "Caller", scopes: ["keys:verify"] }))).plaintextKey;
});
afterAll(() => api.close());

const newKey = (overrides: Parameters<typeof keyInput>[0] = {}) => createApiKey(acct.ctx.owner, keyInput(overrides));

/** The grace periods the dashboard offers, written out (README: "Change key" keeps the old secret this long). */
const GRACE_MS: [string, "1h" | "24h" | "7d", number][] = [
  ["1 hour", "1h", 60 * 60 * 1000],
  ["24 hours", "24h", 24 * 60 * 60 * 1000],
  ["7 days", "7d", 7 * 24 * 60 * 60 * 1000],
];

describe("expiry on the API's clock", () => {
  it("a key works until the end of its expiry day (UTC), then answers 403 EXPIRED on whoami and verify", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { plaintextKey, key } = await newKey({ expiresOn: tomorrow });
    const end = Date.parse(`${tomorrow}T23:59:59.999Z`); // the last millisecond of that UTC day
    await withApiClock(async (clock) => {
      clock.setTo(end - 1000);
      expect((await whoami(api.url, basic(plaintextKey))).status).toBe(200);
      expect((await verifyCall(api.url, caller, { key: plaintextKey })).body).toMatchObject({ valid: true, code: "VALID" });

      clock.setTo(end);
      const gone = await whoami(api.url, basic(plaintextKey));
      expect(gone.status).toBe(403);
      expect(gone.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(gone.body).toMatchObject({ status: 403, code: "EXPIRED" });
      expect((await verifyCall(api.url, caller, { key: plaintextKey })).body).toMatchObject({ valid: false, code: "EXPIRED", keyId: key.keyId });
    });
    // Back on real time the key works again: only the API's clock moved, nothing stored changed.
    expect((await whoami(api.url, basic(plaintextKey))).status).toBe(200);
  });
});

describe("rotation grace periods on the API's clock", () => {
  it.each(GRACE_MS)("%s: the old secret works until the grace period ends, then 401; the new one throughout", async (_label, grace, ms) => {
    const { plaintextKey, key } = await newKey();
    const before = Date.now();
    const rotated = await rotateApiKey(acct.ctx.owner, key.id, grace);
    const after = Date.now();
    await withApiClock(async (clock) => {
      clock.setTo(before + ms - 1000); // at least one second before the end, whenever the rotation happened
      expect((await whoami(api.url, basic(plaintextKey))).status).toBe(200);
      expect((await whoami(api.url, basic(rotated.plaintextKey))).status).toBe(200);

      clock.setTo(after + ms); // at or after the end
      expect((await whoami(api.url, basic(plaintextKey))).status).toBe(401);
      expect((await verifyCall(api.url, caller, { key: plaintextKey })).body).toMatchObject({ valid: false, code: "NOT_FOUND" });
      expect((await whoami(api.url, basic(rotated.plaintextKey))).status).toBe(200);
    });
  });
});

describe("POST /api/v1/__test/clock", () => {
  const clockCall = (url: string, method = "POST") =>
    fetch(`${url}/api/v1/__test/clock`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify({ advanceMs: 1000 }) : undefined,
    });

  /** Starts an API with DC_TEST_CLOCK=`value`, then makes each request with the clock itself enabled ("1"). */
  async function withApiStartedUnder(value: string | undefined, run: (url: string) => Promise<void>) {
    const instance = await withTestClockEnv(value, () => startTestApi());
    try {
      await withTestClockEnv("1", () => run(instance.url));
    } finally {
      resetTestClock();
      await instance.close();
    }
  }

  it.each([undefined, "", "0", "true"])("DC_TEST_CLOCK=%j when the API starts → 404, like any unknown path", async (value) => {
    await withApiStartedUnder(value, async (url) => {
      const res = await clockCall(url);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(await (await fetch(`${url}/api/v1/nope`, { method: "POST" })).text());
      expect((await clockCall(url, "GET")).status).toBe(404); // not 405: the route does not exist at all
      expect(advanceTestClock(0)).toBe(0); // the clock did not move
    });
  });

  it("DC_TEST_CLOCK=1 when the API starts → the same request moves the clock (200)", async () => {
    await withApiStartedUnder("1", async (url) => {
      const res = await clockCall(url);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ offsetMs: 1000 });
      expect(advanceTestClock(0)).toBe(1000);
      expect((await clockCall(url, "GET")).status).toBe(405);
    });
  });
});
