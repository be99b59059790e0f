/** The access log names the key id of each request but never a key, a secret or its encodings, wherever sent. */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { BASE62, checksum } from "@/core/secrets/key-format";
import { createApiKey, rotateApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, splitKey } from "../support/fixtures";
import { basic, rawHttp, startTestApi, verifyCall, waitFor, whoami, type TestApi } from "../support/api-server";

const captured: string[] = [];
const spies: MockInstance[] = [];
const text = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : a instanceof Uint8Array ? Buffer.from(a).toString("utf8") : JSON.stringify(a) ?? String(a))).join(" ");

function captureOutput() {
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(text(args))));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const spy = vi.spyOn(stream, "write") as unknown as MockInstance<(chunk: unknown, ...rest: unknown[]) => boolean>;
    spy.mockImplementation((chunk: unknown) => (captured.push(text([chunk])), true));
    spies.push(spy as unknown as MockInstance);
  }
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ accessLog: true, limits: { maxAuthFailures: 10_000, redisUrl: undefined } });
});
afterAll(async () => {
  spies.forEach((s) => s.mockRestore());
  await api.close();
});

describe("logs never contain keys", () => {
  it("logs every request with the key id but never a key or a secret, wherever the key was sent", async () => {
    const acct = await createTestAccount("Logs");
    const caller = await createApiKey(acct.ctx.owner, keyInput({ scopes: ["keys:verify", "subscribers"] }));
    const valid = await createApiKey(acct.ctx.owner, keyInput());
    const disabled = await createApiKey(acct.ctx.owner, keyInput());
    await setApiKeyEnabled(acct.ctx.owner, disabled.key.id, false);
    const rotated = await createApiKey(acct.ctx.owner, keyInput());
    const newSecret = (await rotateApiKey(acct.ctx.owner, rotated.key.id, "1h")).plaintextKey;
    const random = crypto.randomBytes(33).reduce((s, b) => s + BASE62[b % 62], "");
    const wrong = `${valid.key.keyId}.${random}${checksum(`${valid.key.keyId}.${random}`)}`;
    const keys = [caller.plaintextKey, valid.plaintextKey, disabled.plaintextKey, rotated.plaintextKey, newSecret, wrong];

    captureOutput();
    let requests = 0;
    const expectations: [number, number][] = [];
    const send = async (p: Promise<{ status: number }>, status: number) => {
      requests++;
      expectations.push([(await p).status, status]);
    };
    for (const key of keys) {
      const ok = key !== disabled.plaintextKey && key !== wrong;
      await send(whoami(api.url, basic(key)), ok ? 200 : key === wrong ? 401 : 403);
      await send(whoami(api.url, `Bearer ${key}`), ok ? 200 : key === wrong ? 401 : 403);
      await send(whoami(api.url, basic(key, key)), ok ? 200 : key === wrong ? 401 : 403); // the key as the user name too
      await send(fetch(`${api.url}/api/v1/whoami?key=${encodeURIComponent(key)}`), 401);
      await send(fetch(`${api.url}/api/v1/whoami?api_key=${key}&x=1`, { headers: { authorization: `Bearer ${caller.plaintextKey}` } }), 200);
      await send(verifyCall(api.url, caller.plaintextKey, { key }), 200);
      await send(verifyCall(api.url, caller.plaintextKey, `{"key": "${key}", "oops"`), 400);
      await send(rawHttp(api.url, `GET /api/v1/whoami?key=${key} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Basic ${key}\r\n\r\n`), 400);
    }
    for (const [actual, expected] of expectations) expect(actual).toBe(expected);

    // The access log is written when each response finishes: wait for one line per request.
    const { value: lines } = await waitFor(() => {
      const access = captured.join("\n").split("\n").filter((l) => l.includes("[api] "));
      return access.length >= requests ? access : undefined;
    }, { what: `${requests} access log lines` });
    expect(lines).toHaveLength(requests);
    for (const line of lines) expect(line).toMatch(/^\[api\] (GET|POST) \/api\/v1\/(whoami|keys\/verify) \d{3} ip=127\.0\.0\.1 key=(dc_[0-9A-Za-z]{16}|-) [\d.]+ms$/);

    const all = captured.join("\n");
    for (const key of keys) {
      const { secret } = splitKey(key);
      expect(all).not.toContain(key);
      expect(all).not.toContain(secret);
      expect(all).not.toContain(encodeURIComponent(key));
      expect(all).not.toContain(Buffer.from(`api:${key}`).toString("base64"));
    }
    // Authenticated requests carry their key id; failed ones do not.
    for (const keyId of [caller.key.keyId, valid.key.keyId, rotated.key.keyId]) expect(all).toContain(`key=${keyId} `);
    expect(all).not.toContain(`key=${disabled.key.keyId}`);
    const unauthorized = lines.filter((l) => / 401 /.test(l));
    expect(unauthorized).toHaveLength(expectations.filter(([, status]) => status === 401).length); // 9, never zero
    expect(unauthorized.filter((l) => !l.includes(" key=- "))).toEqual([]);
  });
});
