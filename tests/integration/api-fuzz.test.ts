import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput } from "../support/fixtures";
import { rawHttp, startTestApi, type TestApi } from "../support/api-server";

/** Seeded, so a failure can be replayed: mulberry32. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALLOWED = new Set([200, 400, 401, 403, 404, 405, 413, 429, 431]);
let api: TestApi;
let validKey = "";
let verifier = "";

beforeAll(async () => {
  api = await startTestApi({ limits: { maxAuthFailures: 1_000_000 } });
  const acct = await createTestAccount("Fuzz");
  validKey = (await createApiKey(acct.ctx.owner, keyInput())).plaintextKey;
  verifier = (await createApiKey(acct.ctx.owner, keyInput({ scopes: ["keys:verify"] }))).plaintextKey;
});
afterAll(() => api.close());

function pieces(random: () => number) {
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join("");
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256))).toString("latin1").replace(/[\r\n]/g, " ");
  const mutate = (s: string) => {
    const i = Math.floor(random() * s.length);
    return s.slice(0, i) + pick(["", "\u0000", "é", ":", ".", "==", junk(3)]) + s.slice(i + 1);
  };
  return {
    header: () =>
      pick([
        () => `Basic ${Buffer.from(junk(Math.floor(random() * 80))).toString("base64")}`,
        () => `Basic ${junk(Math.floor(random() * 60))}`,
        () => `Bearer ${mutate(validKey)}`,
        () => `Basic ${Buffer.from(`api:${mutate(validKey)}`).toString("base64")}`,
        () => `${pick(["basic", "BASIC", "Digest", "", "Bearer"])} ${bytes(Math.floor(random() * 40))}`,
        () => junk(Math.floor(random() * 9000)),
        () => `Basic ${Buffer.from(`${":".repeat(Math.floor(random() * 5))}${validKey}`).toString("base64")}`,
      ])(),
    body: () =>
      pick([
        () => JSON.stringify({ key: mutate(validKey), requiredScopes: [junk(5)], ip: pick(["10.0.0.1", "::1", junk(8), "010.1.1.1"]) }),
        () => JSON.stringify({ key: random() < 0.5 ? 42 : null, extra: true }),
        () => junk(Math.floor(random() * 200)),
        () => JSON.stringify([validKey]),
        () => `{"key":"${validKey}","requiredScopes":${pick(["null", "[1,2]", '"x"', "[]"])}}`,
        () => "x".repeat(20_000),
      ])(),
  };
}

describe("fuzzing the verification API", () => {
  it("never answers 5xx to random Authorization headers", async () => {
    const gen = pieces(rng(2026));
    const seen = new Map<number, number>();
    for (let i = 0; i < 250; i++) {
      const header = gen.header();
      const res = await rawHttp(api.url, Buffer.from(`GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${header}\r\n\r\n`, "latin1"));
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      expect(ALLOWED.has(res.status), `status ${res.status} for header #${i}`).toBe(true);
      expect(res.body).not.toContain(validKey.split(".")[1]!);
    }
    expect(seen.get(401)).toBeGreaterThan(0);
    expect(seen.get(400)).toBeGreaterThan(0);
  });

  it("never answers 5xx to random verify bodies", async () => {
    const gen = pieces(rng(7));
    const auth = `Basic ${Buffer.from(`api:${verifier}`).toString("base64")}`;
    for (let i = 0; i < 150; i++) {
      const body = Buffer.from(gen.body(), "utf8");
      const res = await rawHttp(
        api.url,
        Buffer.concat([
          Buffer.from(`POST /api/v1/keys/verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`),
          body,
        ]),
      );
      expect(ALLOWED.has(res.status), `status ${res.status} for body #${i}`).toBe(true);
      // Only an untouched copy of the real key may verify as valid.
      if (res.status === 200 && !body.toString().includes(`"key":"${validKey}"`)) expect(JSON.parse(res.body).valid).toBe(false);
    }
  });
});
