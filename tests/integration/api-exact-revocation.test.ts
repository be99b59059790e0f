/**
 * Revocation is exact (SECURITY-TESTS #18, #11): 20 rounds of change-now / disable / delete, each checked by the
 * very next request on this instance and by the first request after the documented bound on another; and an
 * unknown key id costs the same time as a known id with a wrong secret (no existence oracle).
 */
import crypto from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_PROPAGATION_BOUND_MS } from "@/api-server/verify/change-follower";
import { BASE62, checksum } from "@/core/secrets/key-format";
import { createApiKey, deleteApiKey, rotateApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { basic, startTestApi, whoami, type TestApi } from "../support/api-server";

let a: TestApi;
let b: TestApi;
let acct: TestAccount;
const limits = { maxAuthFailures: 1_000_000, maxInFlight: 1_000, redisUrl: undefined };
beforeAll(async () => {
  a = await startTestApi({ limits });
  b = await startTestApi({ limits });
  acct = await createTestAccount("Exact");
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const status = async (api: TestApi, key: string) => (await whoami(api.url, basic(key))).status;
const afterBound = () => new Promise((resolve) => setTimeout(resolve, CHANGE_PROPAGATION_BOUND_MS));

describe("20 rounds, no polling", () => {
  it("uses A as the write-through instance", async () => {
    const { getChangeSink } = await import("@/core/registry");
    expect(getChangeSink()).toBe(a.instance.sink);
  });

  it("change now → disable → delete: this instance at once, the other on its first request after the bound", async () => {
    for (let round = 0; round < 20; round++) {
      const { plaintextKey, key } = await createApiKey(acct.ctx.owner, keyInput());
      expect(await status(a, plaintextKey), `round ${round}: new key on A`).toBe(200);

      const rotated = await rotateApiKey(acct.ctx.owner, key.id, "now");
      expect(await status(a, plaintextKey), `round ${round}: old secret on A`).toBe(401);
      expect(await status(a, rotated.plaintextKey), `round ${round}: new secret on A`).toBe(200);

      await setApiKeyEnabled(acct.ctx.owner, key.id, false);
      expect(await status(a, rotated.plaintextKey), `round ${round}: disabled on A`).toBe(403);
      await afterBound();
      expect(await status(b, plaintextKey), `round ${round}: old secret on B`).toBe(401);
      expect(await status(b, rotated.plaintextKey), `round ${round}: disabled on B`).toBe(403);

      await deleteApiKey(acct.ctx.owner, key.id, key.name);
      expect(await status(a, rotated.plaintextKey), `round ${round}: deleted on A`).toBe(401);
      await afterBound();
      expect(await status(b, rotated.plaintextKey), `round ${round}: deleted on B`).toBe(401);
    }
  }, 120_000);
});

describe("existence timing", () => {
  const rand62 = (n: number) => Array.from(crypto.randomBytes(n), (x) => BASE62[x % 62]).join("");
  const unknownKey = () => {
    const keyId = `dc_${rand62(16)}`;
    const random = rand62(33);
    return `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
  };
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

  it("an unknown key id and a known id with a wrong secret: same 401, medians within 20 % over 500 requests each", async () => {
    const { plaintextKey } = await createApiKey(acct.ctx.owner, keyInput());
    const [keyId] = plaintextKey.split(".") as [string, string];
    // Fresh strings for both series, as an attacker's probes would be: a new unknown id, or a new wrong secret.
    const wrongSecret = () => {
      const random = rand62(33);
      return `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
    };
    // Every unknown id gets its database look-up (no budget), so an answer that waited for it would show. The
    // time measured is the server's: from the request's arrival to the answer being handed to the socket. (The
    // client shares this process, so its own clock would also count the background look-up that runs after.)
    process.env.KEY_CACHE_MISS_LOOKUPS = "1000000";
    const api = await startTestApi({ limits });
    delete process.env.KEY_CACHE_MISS_LOOKUPS;
    const answered: number[] = [];
    const timed = http.createServer((req, res) => {
      const started = process.hrtime.bigint();
      res.once("finish", () => answered.push(Number(process.hrtime.bigint() - started) / 1e6));
      void api.instance.handler(req, res);
    });
    await new Promise<void>((resolve) => timed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(timed.address() as import("node:net").AddressInfo).port}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const time = (key: string) =>
      new Promise<{ ms: number; status: number; text: string }>((resolve, reject) => {
        const req = http.get(`${url}/api/v1/whoami`, { agent, headers: { authorization: basic(key) } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ ms: answered.at(-1)!, status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
      });
    for (let i = 0; i < 50; i++) await time(unknownKey()); // warm up both paths
    const unknown: number[] = [];
    const known: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 500; i++) {
      // Interleaved, in alternating order, so drift on this shared machine and any cost of going first in a
      // pair affect both series alike.
      const [unknownProbe, knownProbe] = [unknownKey(), wrongSecret()];
      const first = await time(i % 2 === 0 ? unknownProbe : knownProbe);
      const second = await time(i % 2 === 0 ? knownProbe : unknownProbe);
      const [u, k] = i % 2 === 0 ? [first, second] : [second, first];
      expect([u.status, k.status]).toEqual([401, 401]);
      bodies.add(u.text).add(k.text);
      unknown.push(u.ms);
      known.push(k.ms);
    }
    agent.destroy();
    timed.closeAllConnections();
    timed.close();
    await api.close();
    expect(api.instance.cache.stats.lookups).toBeGreaterThan(400); // the look-ups did happen, in the background
    expect(bodies.size).toBe(1);
    const [mu, mk] = [median(unknown), median(known)];
    const ratio = mu / mk;
    console.log(`existence timing: unknown id median ${mu.toFixed(3)} ms, known id + wrong secret ${mk.toFixed(3)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(1 / 1.2);
    expect(ratio).toBeLessThan(1.2);
  }, 60_000);
});
