/** GET /api/v1/whoami across header forms with exact statuses (200/400/401/403), rotation, routing and OpenAPI. */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import { BASE62, checksum } from "@/core/secrets/key-format";
import { createApiKey, rotateApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, keyRow, splitKey, type TestAccount } from "../support/fixtures";
import { basic, rawHttp, startTestApi, whoami, type TestApi } from "../support/api-server";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const rand62 = (n: number) => Array.from(crypto.randomBytes(n), (b) => BASE62[b % 62]).join("");
/** A well-formed key with a valid checksum for `keyId`. */
const forge = (keyId: string) => {
  const random = rand62(33);
  return `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
};

let api: TestApi;
let acct: TestAccount;
beforeAll(async () => {
  // A high failure limit: this file sends many wrong keys on purpose and tests the limit elsewhere.
  api = await startTestApi({ limits: { maxAuthFailures: 10_000, redisUrl: undefined } });
  acct = await createTestAccount("Matrix");
});
afterAll(() => api.close());

const newKey = (overrides: Parameters<typeof keyInput>[0] = {}) => createApiKey(acct.ctx.owner, keyInput(overrides));

describe("GET /api/v1/whoami", () => {
  it("accepts Basic api:KEY, Basic KEY:, Basic :KEY and Bearer, without leaking the secret or its hash", async () => {
    const { plaintextKey, key } = await newKey({ name: "Matrix valid", scopes: ["subscribers", "statistics"], permissions: ["archive_ready_to_receive"], expiresOn: "2099-12-31" });
    const row = (await keyRow(key.id))!;
    const account = await (await getPrisma()).account.findUniqueOrThrow({ where: { id: acct.accountId } });
    const { secret } = splitKey(plaintextKey);
    for (const auth of [basic(plaintextKey), `Basic ${b64(`${plaintextKey}:`)}`, basic(plaintextKey, ""), `Bearer ${plaintextKey}`, `bearer ${plaintextKey}`]) {
      const res = await whoami(api.url, auth);
      expect(res.status, auth).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body).toStrictEqual({
        account: { id: acct.accountId, number: expect.stringMatching(/^m\d{4,}$/), name: acct.name, kind: account.kind, status: "active", parent: null },
        limits: { production: true, emailsPerDay: null, apiKeys: 15 },
        principal: { type: "api_key", keyId: key.keyId },
        key: { keyId: key.keyId, name: "Matrix valid", scopes: ["subscribers", "statistics"], permissions: ["archive_ready_to_receive"], expiresAt: "2099-12-31T23:59:59.999Z" },
      });
      for (const leak of [secret, row.secretHash, row.secretLast5, "secretHash", "hash"]) expect(res.text).not.toContain(leak);
    }
  });

  it("answers every kind of 401 with the same bytes, problem+json and WWW-Authenticate", async () => {
    const { plaintextKey } = await newKey();
    const { keyId, secret } = splitKey(plaintextKey);
    const last = secret.at(-1) === "A" ? "B" : "A";
    const cases = {
      wrongSecret: `Bearer ${forge(keyId)}`,
      unknownKeyId: basic(forge(`dc_${rand62(16)}`)),
      badChecksum: basic(`${keyId}.${secret.slice(0, -1)}${last}`),
      missing: undefined,
    };
    const bodies = new Set<string>();
    for (const [name, auth] of Object.entries(cases)) {
      const res = await whoami(api.url, auth);
      expect(res.status, name).toBe(401);
      expect(res.headers.get("content-type"), name).toMatch(/^application\/problem\+json/);
      expect(res.headers.get("www-authenticate"), name).toBe('Basic realm="api"');
      expect(res.body).toMatchObject({ status: 401, title: "Unauthorized" });
      bodies.add(res.text);
    }
    expect(bodies.size).toBe(1);
    expect((await whoami(api.url, `Bearer ${plaintextKey}`)).status).toBe(200); // the real key still works
  });

  it("answers malformed or foreign Authorization headers with exactly 400 or 401, never 500", async () => {
    const { plaintextKey } = await newKey();
    // [header, status]: 400 when a header claims Basic/Bearer (or has no scheme) but is broken or over 8 KB;
    // 401 for another scheme, an empty key, or a well-formed header carrying a wrong key (authenticate.ts).
    const viaFetch: Record<string, [string, 400 | 401]> = {
      basicNoColon: [`Basic ${b64("no-colon-here")}`, 400],
      basicNotBase64: ["Basic !!!not*base64!!!", 400],
      basicBadPadding: ["Basic abc", 400],
      basicAlone: ["Basic", 400],
      bearerAlone: ["Bearer", 400],
      noScheme: [plaintextKey, 400],
      wrongScheme: [`Digest ${plaintextKey}`, 401],
      manyColons: [`Basic ${b64(`a:b:c:${plaintextKey}`)}`, 401],
      keyThenColons: [`Basic ${b64(`api:${plaintextKey}:extra`)}`, 401],
      emptyUserAndPassword: [`Basic ${b64(":")}`, 401],
      emptyUserWrongPassword: [`Basic ${b64(":nope")}`, 401],
      hugeBearer: [`Bearer ${"k".repeat(10 * 1024)}`, 400],
      hugeBasic: [`Basic ${"QUFB".repeat(2600)}`, 400],
    };
    for (const [name, [auth, status]] of Object.entries(viaFetch)) {
      const res = await whoami(api.url, auth);
      expect(res.status, name).toBe(status);
      expect(res.headers.get("content-type"), name).toMatch(/^application\/problem\+json/);
      expect(res.body, name).toMatchObject(status === 400 ? { status: 400, title: "Bad Request" } : { status: 401, title: "Unauthorized" });
    }

    // Bytes node's fetch refuses to send: raw requests. A NUL in a header line is refused by node's HTTP parser
    // itself (400); bytes >= 0x80 reach us as latin1 and make a wrong key (401) or broken base64 (400).
    const raw: Record<string, [Buffer, 400 | 401]> = {
      unicodeBearer: [Buffer.from(`Bearer ${plaintextKey.slice(0, -2)}éü`, "utf8"), 401],
      latin1Basic: [Buffer.from(`Basic ${b64(`api:${plaintextKey}`)}\xff\xfe`, "latin1"), 400],
      nulInBearer: [Buffer.from(`Bearer ${plaintextKey.slice(0, 10)}\0${plaintextKey.slice(10)}`, "latin1"), 400],
      nulInBasic: [Buffer.from(`Basic ${b64(`api:${plaintextKey.slice(0, 10)}\0${plaintextKey.slice(10)}`)}`, "latin1"), 401],
      nulDecoded: [Buffer.from(`Basic ${b64(`api:\0${plaintextKey}`)}`, "latin1"), 401],
    };
    for (const [name, [value, status]] of Object.entries(raw)) {
      const req = Buffer.concat([Buffer.from("GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "), value, Buffer.from("\r\n\r\n")]);
      const res = await rawHttp(api.url, req);
      expect(res.status, `${name}: ${res.raw.slice(0, 80)}`).toBe(status);
    }
    expect((await whoami(api.url, `Bearer ${plaintextKey}`)).status).toBe(200);
  });

  // 403 EXPIRED, and the end of a rotation's grace period, are tested on the API's clock in api-test-clock.test.ts.
  it("answers 403 DISABLED for a disabled key", async () => {
    const disabled = await newKey();
    await setApiKeyEnabled(acct.ctx.owner, disabled.key.id, false);
    const off = await whoami(api.url, basic(disabled.plaintextKey));
    expect(off.status).toBe(403);
    expect(off.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(off.body.code).toBe("DISABLED");
  });

  it("keeps the old secret during a rotation grace period, and drops it at once with 'now'", async () => {
    const graced = await newKey();
    const rotated = await rotateApiKey(acct.ctx.owner, graced.key.id, "1h");
    expect((await whoami(api.url, basic(graced.plaintextKey))).status).toBe(200);
    expect((await whoami(api.url, basic(rotated.plaintextKey))).status).toBe(200);

    const immediate = await newKey();
    const replaced = await rotateApiKey(acct.ctx.owner, immediate.key.id, "now");
    expect((await whoami(api.url, basic(immediate.plaintextKey))).status).toBe(401);
    expect((await whoami(api.url, basic(replaced.plaintextKey))).status).toBe(200);

    // A second rotation inside the grace period keeps only the secret it replaces.
    const twice = await rotateApiKey(acct.ctx.owner, graced.key.id, "1h");
    expect((await whoami(api.url, basic(graced.plaintextKey))).status).toBe(401);
    expect((await whoami(api.url, basic(rotated.plaintextKey))).status).toBe(200);
    expect((await whoami(api.url, basic(twice.plaintextKey))).status).toBe(200);
  });
});

describe("routing and OpenAPI", () => {
  it("answers 404 for an unknown path and 405 with Allow for a wrong method", async () => {
    const missing = await fetch(`${api.url}/api/v1/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await missing.json()).status).toBe(404);
    const post = await fetch(`${api.url}/api/v1/whoami`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    const get = await fetch(`${api.url}/api/v1/keys/verify`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("publishes an OpenAPI 3.1 document for whoami and keys/verify", async () => {
    const res = await fetch(`${api.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = JSON.parse(await res.text());
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/api/v1/whoami", "/api/v1/keys/verify", "/api/v1/oauth/token", "/api/v1/oauth/revoke", "/api/v1/oauth/introspect"]);
    expect(Object.keys(doc.paths["/api/v1/whoami"])).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/v1/keys/verify"])).toEqual(["post"]);
    expect(doc.paths["/api/v1/whoami"].get.operationId).toBe("whoami");
    expect(doc.paths["/api/v1/keys/verify"].post.operationId).toBe("verifyKey");
  });
});
