/**
 * Fuzzing the verification API with random Authorization headers and verify bodies. Every run uses a new seed
 * (or FUZZ_SEED), shown in the test names and in every failure message with the failing input, so
 * `FUZZ_SEED=<seed> npx vitest run tests/integration/api-fuzz.test.ts` replays it exactly.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput } from "../support/fixtures";
import { rawHttp, startTestApi, type TestApi } from "../support/api-server";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : crypto.randomInt(2 ** 31);
if (!Number.isSafeInteger(SEED)) throw new Error(`FUZZ_SEED must be an integer, got ${process.env.FUZZ_SEED}`);

/** Seeded, so a failure can be replayed: mulberry32. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The input as it can be pasted back: JSON-quoted, long ones cut in the middle. */
const show = (input: string) =>
  input.length <= 600 ? JSON.stringify(input) : `${JSON.stringify(input.slice(0, 300))}…${JSON.stringify(input.slice(-300))} (${input.length} chars)`;
const replay = (i: number, input: string) => `FUZZ_SEED=${SEED} input #${i}: ${show(input)}`;

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

/** Header outcomes: the untouched key must pass (200); anything else is refused with 400 or 401, never more. */
type HeaderCase = { header: string; expected: number[] };
/** Body outcomes: "valid" (200, valid: true), "invalid" (200, valid: false) or 400. */
type BodyCase = { body: string; expected: ("valid" | "invalid" | 400)[] };

function pieces(random: () => number) {
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join("");
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256))).toString("latin1").replace(/[\r\n]/g, " ");
  const mutate = (s: string) => {
    const i = Math.floor(random() * s.length);
    return s.slice(0, i) + pick(["", "\u0000", "é", ":", ".", "==", junk(3)]) + s.slice(i + 1);
  };
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const refused = [400, 401];
  return {
    header: (): HeaderCase =>
      pick<() => HeaderCase>([
        () => ({ header: `Basic ${b64(junk(Math.floor(random() * 80)))}`, expected: refused }),
        () => ({ header: `Basic ${junk(Math.floor(random() * 60))}`, expected: refused }),
        () => {
          const key = mutate(validKey);
          // A NUL byte in a header is refused by node's HTTP parser itself (400).
          return { header: `Bearer ${key}`, expected: key === validKey ? [200] : key.includes("\u0000") ? [400] : [401] };
        },
        () => {
          const key = mutate(validKey);
          return { header: `Basic ${b64(`api:${key}`)}`, expected: key === validKey ? [200] : [401] };
        },
        () => ({ header: `${pick(["basic", "BASIC", "Digest", "", "Bearer"])} ${bytes(Math.floor(random() * 40))}`, expected: refused }),
        () => ({ header: junk(Math.floor(random() * 9000)), expected: refused }),
        () => {
          // No colon: malformed (400); one colon: ":KEY" is the key as password (200); more: a wrong key (401).
          const colons = Math.floor(random() * 5);
          return { header: `Basic ${b64(`${":".repeat(colons)}${validKey}`)}`, expected: [[400], [200], [401]][Math.min(colons, 2)]! };
        },
        // The untouched key in each accepted form, so every run sees 200s.
        () => ({ header: pick([`Bearer ${validKey}`, `Basic ${b64(`api:${validKey}`)}`, `Basic ${b64(`${validKey}:`)}`]), expected: [200] }),
      ])(),
    body: (): BodyCase =>
      pick<() => BodyCase>([
        () => {
          // Scopes the key does not have: never valid; a malformed ip is a 400.
          const ip = pick(["10.0.0.1", "::1", junk(8), "010.1.1.1"]);
          const body = JSON.stringify({ key: mutate(validKey), requiredScopes: [`x${junk(4)}`], ip });
          return { body, expected: ip === "10.0.0.1" || ip === "::1" ? ["invalid"] : [400] };
        },
        () => ({ body: JSON.stringify({ key: random() < 0.5 ? 42 : null, extra: true }), expected: [400] }),
        () => ({ body: junk(Math.floor(random() * 200)), expected: [400] }),
        () => ({ body: JSON.stringify([validKey]), expected: [400] }),
        () => {
          const scopes = pick(["null", "[1,2]", '"x"', "[]", '["subscribers"]']);
          return { body: `{"key":"${validKey}","requiredScopes":${scopes}}`, expected: scopes.startsWith("[") && scopes !== "[1,2]" ? ["valid"] : [400] };
        },
        () => {
          const key = mutate(validKey);
          return { body: JSON.stringify({ key }), expected: key === validKey ? ["valid"] : ["invalid"] };
        },
        () => ({ body: "x".repeat(20_000), expected: [400] }),
      ])(),
  };
}

describe("fuzzing the verification API", () => {
  it(`answers random Authorization headers with 200 only for the untouched key, else 400/401 (seed ${SEED})`, async () => {
    const gen = pieces(rng(SEED));
    const seen = new Map<number, number>();
    for (let i = 0; i < 250; i++) {
      const { header, expected } = gen.header();
      const res = await rawHttp(api.url, Buffer.from(`GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${header}\r\n\r\n`, "latin1"));
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      expect(expected, `status ${res.status}, ${replay(i, header)}`).toContain(res.status);
      expect(res.body, replay(i, header)).not.toContain(validKey.split(".")[1]!);
    }
    const summary = `FUZZ_SEED=${SEED} statuses ${JSON.stringify(Object.fromEntries(seen))}`;
    for (const status of [200, 400, 401]) expect(seen.get(status) ?? 0, summary).toBeGreaterThan(0);
  });

  it(`answers random verify bodies with valid only for the untouched key, else valid: false or 400 (seed ${SEED})`, async () => {
    const gen = pieces(rng(SEED + 1));
    const auth = `Basic ${Buffer.from(`api:${verifier}`).toString("base64")}`;
    const seen = new Map<string, number>();
    for (let i = 0; i < 150; i++) {
      const { body: text, expected } = gen.body();
      const body = Buffer.from(text, "utf8");
      const res = await rawHttp(
        api.url,
        Buffer.concat([
          Buffer.from(`POST /api/v1/keys/verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`),
          body,
        ]),
      );
      const outcome = res.status === 200 ? (JSON.parse(res.body).valid === true ? "valid" : "invalid") : res.status;
      seen.set(String(outcome), (seen.get(String(outcome)) ?? 0) + 1);
      expect(expected, `outcome ${outcome}, ${replay(i, text)}`).toContain(outcome);
    }
    const summary = `FUZZ_SEED=${SEED} outcomes ${JSON.stringify(Object.fromEntries(seen))}`;
    for (const outcome of ["valid", "invalid", "400"]) expect(seen.get(outcome) ?? 0, summary).toBeGreaterThan(0);
  });
});
