/** POST /api/v1/keys/verify: every result code, exact 400s for bad bodies, and the failed-verification limits. */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE62, checksum } from "@/core/secrets/key-format";
import { createApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { basic, rawHttp, startTestApi, verifyCall, whoami, type TestApi } from "../support/api-server";
import { withApiClock } from "../support/test-clock";

const rand62 = (n: number) => Array.from(crypto.randomBytes(n), (b) => BASE62[b % 62]).join("");
const unknownKey = () => {
  const keyId = `dc_${rand62(16)}`;
  const random = rand62(33);
  return `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
};

let api: TestApi;
let acct: TestAccount;
let caller: string;
beforeAll(async () => {
  api = await startTestApi({ limits: { maxAuthFailures: 10_000, redisUrl: undefined } });
  acct = await createTestAccount("Verify");
  caller = (await createApiKey(acct.ctx.owner, keyInput({ name: "Caller", scopes: ["keys:verify"] }))).plaintextKey;
});
afterAll(() => api.close());

const issue = (overrides: Parameters<typeof keyInput>[0] = {}, account = acct) => createApiKey(account.ctx.owner, keyInput(overrides));

describe("POST /api/v1/keys/verify results", () => {
  it("answers VALID with the key's account, id, scopes, permissions and expiry", async () => {
    const { plaintextKey, key } = await issue({ scopes: ["subscribers", "smtp"], permissions: ["allow_unknown_subscribers_trigger"], expiresOn: "2099-01-31" });
    const res = await verifyCall(api.url, caller, { key: plaintextKey, requiredScopes: ["smtp"] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toStrictEqual({
      valid: true,
      code: "VALID",
      accountId: acct.accountId,
      account: { id: acct.accountId, name: acct.name, number: expect.stringMatching(/^m\d{4,}$/) },
      keyId: key.keyId,
      scopes: ["subscribers", "smtp"],
      permissions: ["allow_unknown_subscribers_trigger"],
      expiresAt: "2099-01-31T23:59:59.999Z",
    });
    expect(res.text).not.toContain(plaintextKey.split(".")[1]);
  });

  it("answers NOT_FOUND, DISABLED and EXPIRED", async () => {
    const nf = await verifyCall(api.url, caller, { key: unknownKey() });
    expect(nf.body).toStrictEqual({ valid: false, code: "NOT_FOUND", accountId: null, account: null, keyId: null, scopes: [], permissions: [], expiresAt: null });
    const junk = await verifyCall(api.url, caller, { key: "not-a-key" });
    expect(junk.body.code).toBe("NOT_FOUND");

    const disabled = await issue();
    await setApiKeyEnabled(acct.ctx.owner, disabled.key.id, false);
    const off = await verifyCall(api.url, caller, { key: disabled.plaintextKey });
    expect(off.body).toMatchObject({ valid: false, code: "DISABLED", keyId: disabled.key.keyId });

    // Expired on the API's clock: just after the last millisecond of its expiry day (UTC).
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const expired = await issue({ expiresOn: tomorrow });
    const old = await withApiClock(async (clock) => {
      clock.setTo(Date.parse(`${tomorrow}T23:59:59.999Z`) + 1);
      return verifyCall(api.url, caller, { key: expired.plaintextKey });
    });
    expect(old.body).toMatchObject({ valid: false, code: "EXPIRED", keyId: expired.key.keyId });
  });

  it("answers IP_NOT_ALLOWED outside the allow-list and when no ip is given for an allow-listed key", async () => {
    const { plaintextKey } = await issue({ allowedIps: "192.0.2.0/28" });
    expect((await verifyCall(api.url, caller, { key: plaintextKey, ip: "192.0.2.15" })).body.code).toBe("VALID");
    expect((await verifyCall(api.url, caller, { key: plaintextKey, ip: "192.0.2.16" })).body).toMatchObject({ valid: false, code: "IP_NOT_ALLOWED" });
    // The caller's own address (127.0.0.1) must not stand in for the missing client address.
    expect((await verifyCall(api.url, caller, { key: plaintextKey })).body).toMatchObject({ valid: false, code: "IP_NOT_ALLOWED" });
  });

  it("answers INSUFFICIENT_SCOPE with the missing scopes", async () => {
    const { plaintextKey } = await issue({ scopes: ["articles"] });
    const res = await verifyCall(api.url, caller, { key: plaintextKey, requiredScopes: ["articles", "campaigns", "statistics"] });
    expect(res.body).toMatchObject({ valid: false, code: "INSUFFICIENT_SCOPE", missingScopes: ["campaigns", "statistics"] });
  });

  it("treats a key of another account as NOT_FOUND, whatever its state", async () => {
    const other = await createTestAccount("Other tenant");
    const foreign = await issue({ scopes: ["keys:verify"] }, other);
    const disabled = await issue({}, other);
    await setApiKeyEnabled(other.ctx.owner, disabled.key.id, false);
    for (const key of [foreign.plaintextKey, disabled.plaintextKey]) {
      const res = await verifyCall(api.url, caller, { key });
      expect(res.body).toStrictEqual({ valid: false, code: "NOT_FOUND", accountId: null, account: null, keyId: null, scopes: [], permissions: [], expiresAt: null });
    }
    // ...and it still works for its own account.
    expect((await verifyCall(api.url, foreign.plaintextKey, { key: disabled.plaintextKey })).body.code).toBe("DISABLED");
  });

  it("refuses a caller without keys:verify with 403 INSUFFICIENT_SCOPE", async () => {
    const weak = await issue({ scopes: ["subscribers"] });
    const res = await verifyCall(api.url, weak.plaintextKey, { key: caller });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe("INSUFFICIENT_SCOPE");
  });
});

describe("POST /api/v1/keys/verify bad requests", () => {
  it("answers 400 problem+json for malformed JSON, wrong shapes and a bad ip, naming the fields", async () => {
    const { plaintextKey } = await issue();
    const cases: [unknown, string | null][] = [
      ["{not json", null],
      ["", null],
      [{ key: plaintextKey, extra: 1 }, "body"],
      [{ key: 123 }, "key"],
      [{}, "key"],
      [{ key: plaintextKey, requiredScopes: "keys:verify" }, "requiredScopes"],
      [{ key: plaintextKey, ip: 7 }, "ip"],
      [{ key: plaintextKey, ip: "999.1.1.1" }, "ip"],
      [{ key: plaintextKey, ip: "010.0.0.1" }, "ip"],
      [{ key: plaintextKey, ip: "fe80::1%eth0" }, "ip"],
      [[plaintextKey], "body"],
      ["null", "body"],
    ];
    for (const [body, field] of cases) {
      const res = await verifyCall(api.url, caller, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(400);
      // Exactly the named field; a body that is not JSON at all gets no field errors.
      expect(Object.keys(res.body.errors ?? {}), JSON.stringify(body)).toEqual(field ? [field] : []);
      expect(res.body.detail, JSON.stringify(body)).toBe(field ? "The request body is invalid." : "The request body is not valid JSON");
    }
  });

  it("answers 400 (not a reset) for a body over 16 KB", async () => {
    const body = JSON.stringify({ key: "k".repeat(20 * 1024) });
    const head = `POST /api/v1/keys/verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${caller}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const res = await rawHttp(api.url, head + body);
    expect(res.status, "the server reset the connection instead of answering").toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});

describe("failed-verification limits", () => {
  it("answers RATE_LIMITED once one caller verifies too many unknown keys", async () => {
    const limited = await startTestApi({ limits: { maxAuthFailures: 3, redisUrl: undefined } });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) codes.push((await verifyCall(limited.url, caller, { key: unknownKey() })).body.code);
      expect(codes).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "RATE_LIMITED", "RATE_LIMITED"]);
      // The limit is per caller key: another caller of the same account is unaffected.
      const second = (await issue({ scopes: ["keys:verify"] })).plaintextKey;
      // This second instance hears of the new key by NOTIFY (≤ 500 ms); wait for it rather than race it.
      await limited.instance.cache.get(second.slice(0, second.indexOf(".")));
      expect((await verifyCall(limited.url, second, { key: unknownKey() })).body.code).toBe("NOT_FOUND");
    } finally {
      await limited.close();
    }
  });

  it("answers 429 with Retry-After on whoami after repeated failures from one IP; valid keys still pass", async () => {
    const limited = await startTestApi({ limits: { maxAuthFailures: 3, redisUrl: undefined } });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof whoami>> | undefined;
      for (let i = 0; i < 5; i++) {
        last = await whoami(limited.url, basic(unknownKey()));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const retryAfter = Number(last!.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(last!.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect((await whoami(limited.url, `Bearer ${caller}`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
