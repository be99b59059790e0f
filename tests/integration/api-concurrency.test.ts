import crypto from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput } from "../support/fixtures";
import { parseRawResponse, startTestApi, waitFor, whoami, type RawResponse, type TestApi } from "../support/api-server";

/** A POST /api/v1/keys/verify that sends only half of its 100-byte body, so the server keeps it in flight. */
type Held = { answer: RawResponse | null; finish(): Promise<RawResponse>; destroy(): void };

function hold(url: string, key: string): Held {
  const { port } = new URL(url);
  const body = JSON.stringify({ key }).padEnd(100, " ");
  const socket = net.connect({ host: "127.0.0.1", port: Number(port) });
  const chunks: Buffer[] = [];
  const held: Held = {
    answer: null,
    finish: () => {
      socket.end(body.slice(50));
      return done;
    },
    destroy: () => socket.destroy(),
  };
  const done = new Promise<RawResponse>((resolve) => {
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("close", () => resolve((held.answer = parseRawResponse(Buffer.concat(chunks).toString("latin1")))));
  });
  socket.on("error", () => {});
  socket.on("connect", () => {
    const head = ["POST /api/v1/keys/verify HTTP/1.1", "Host: x", "Connection: close", `Authorization: Bearer ${key}`, "Content-Type: application/json", "Content-Length: 100"];
    socket.write(`${head.join("\r\n")}\r\n\r\n${body.slice(0, 50)}`);
  });
  return held;
}

/**
 * Opens `perInstance` held requests on each API and waits until every one of them has been admitted (it has
 * authenticated, which records usage, and now waits for its body). Fails at once if one is answered instead.
 */
async function holdOn(apis: TestApi[], perInstance: number, key: string): Promise<Held[]> {
  const spies = apis.map((a) => vi.spyOn(a.instance.usage, "record"));
  const held = apis.flatMap((a) => Array.from({ length: perInstance }, () => hold(a.url, key)));
  try {
    await waitFor(
      () => {
        const early = held.find((h) => h.answer);
        if (early) throw new Error(`a held request was answered early: ${early.answer!.status} ${early.answer!.body}`);
        return spies.reduce((n, s) => n + s.mock.calls.length, 0) >= held.length ? true : undefined;
      },
      { timeoutMs: 5000, intervalMs: 10, what: `${held.length} requests in flight` },
    );
  } catch (e) {
    held.forEach((h) => h.destroy());
    throw e;
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
  return held;
}

async function expectTooMany(api: TestApi, key: string) {
  const res = await whoami(api.url, `Bearer ${key}`);
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBe("1");
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
}

/** Completes half of the held requests (they must verify as VALID) and drops the other half. */
async function release(held: Held[]) {
  const finished = await Promise.all(held.slice(0, held.length / 2).map((h) => h.finish()));
  for (const res of finished) {
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).code).toBe("VALID");
  }
  held.slice(held.length / 2).forEach((h) => h.destroy());
}

let caller: string;
beforeAll(async () => {
  const acct = await createTestAccount("Concurrency");
  caller = (await createApiKey(acct.ctx.owner, keyInput({ scopes: ["keys:verify"] }))).plaintextKey;
});

describe("in-flight limit, one instance (memory)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ limits: { maxInFlight: 20, redisUrl: undefined } });
  });
  afterAll(() => api.close());

  it("answers 429 with Retry-After to the 21st concurrent request and recovers once they end", async () => {
    const held = await holdOn([api], 20, caller);
    try {
      await expectTooMany(api, caller);
      await release(held);
      const { value } = await waitFor(async () => ((await whoami(api.url, `Bearer ${caller}`)).status === 200 ? true : undefined));
      expect(value).toBe(true);
    } finally {
      held.forEach((h) => h.destroy());
    }
    // All 20 slots are free again: rejected requests did not take any.
    const again = await holdOn([api], 20, caller);
    try {
      await expectTooMany(api, caller);
    } finally {
      again.forEach((h) => h.destroy());
    }
  });
});

describe("in-flight limit shared through Redis by two instances", () => {
  /** Two instances sharing counters under a prefix of their own, so no other test or run interferes. */
  async function pair(): Promise<[TestApi, TestApi]> {
    const limits = { maxInFlight: 20, redisUrl: "redis://127.0.0.1:6379", prefix: `dc_it_${crypto.randomBytes(6).toString("hex")}` };
    return [await startTestApi({ limits }), await startTestApi({ limits })];
  }
  const closeAll = async (apis: TestApi[]) => {
    for (const api of apis) await api.close();
  };
  const freeSlot = (api: TestApi) =>
    waitFor(async () => ((await whoami(api.url, `Bearer ${caller}`)).status === 200 ? true : undefined), { what: "a free slot" });

  it("counts requests held on either instance against the one limit", async () => {
    const [a, b] = await pair();
    try {
      const held = await holdOn([a, b], 10, caller);
      try {
        await expectTooMany(a, caller);
        await expectTooMany(b, caller);
        await release(held);
        expect((await freeSlot(b)).value).toBe(true);
      } finally {
        held.forEach((h) => h.destroy());
      }
    } finally {
      await closeAll([b, a]);
    }
  });

  it("gives all 20 slots back after a burst of rejected requests", async () => {
    const [a, b] = await pair();
    try {
      const held = await holdOn([a, b], 10, caller);
      try {
        for (let i = 0; i < 3; i++) await expectTooMany(i % 2 ? a : b, caller);
      } finally {
        await release(held);
      }
      await freeSlot(a); // the releases have reached Redis
      // A rejected request never held a slot, so the full limit must be available again.
      const again = await holdOn([a, b], 10, caller);
      try {
        await expectTooMany(a, caller);
      } finally {
        again.forEach((h) => h.destroy());
      }
    } finally {
      await closeAll([b, a]);
    }
  });
});
