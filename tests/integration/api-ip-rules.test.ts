/** IP allow-lists on the verification API: the socket address, X-Forwarded-For from trusted proxies only, IPv6, CIDR edges. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { basic, rawHttp, startTestApi, verifyCall, whoami, type TestApi } from "../support/api-server";

let api: TestApi; // no trusted proxies: X-Forwarded-For is ignored
let proxied: TestApi; // behind a trusted proxy on 127.0.0.1
let acct: TestAccount;
let localOnly: string; // allow-list 127.0.0.1
let docNet: string; // allow-list 203.0.113.0/24
beforeAll(async () => {
  api = await startTestApi({ limits: { redisUrl: undefined } });
  proxied = await startTestApi({ trustedProxies: "127.0.0.1/32", limits: { redisUrl: undefined } });
  acct = await createTestAccount("IP rules");
  localOnly = (await createApiKey(acct.ctx.owner, keyInput({ allowedIps: "127.0.0.1" }))).plaintextKey;
  docNet = (await createApiKey(acct.ctx.owner, keyInput({ allowedIps: "203.0.113.0/24" }))).plaintextKey;
});
afterAll(async () => {
  await proxied.close();
  await api.close();
});

/** whoami over a raw socket, so header order and repeated headers reach the server exactly as written. */
async function whoamiRaw(url: string, key: string, extraHeaders: string[]) {
  const head = ["GET /api/v1/whoami HTTP/1.1", "Host: x", "Connection: close", `Authorization: ${basic(key)}`, ...extraHeaders];
  const res = await rawHttp(url, `${head.join("\r\n")}\r\n\r\n`);
  return { status: res.status, code: res.status === 403 ? (JSON.parse(res.body).code as string) : undefined };
}

describe("IP allow-lists from the socket address", () => {
  it("lets an allow-listed address in and keeps others out", async () => {
    expect((await whoami(api.url, basic(localOnly))).status).toBe(200);
    const denied = await whoami(api.url, basic(docNet));
    expect(denied.status).toBe(403);
    expect(denied.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(denied.body.code).toBe("IP_NOT_ALLOWED");
  });

  it("ignores a spoofed X-Forwarded-For when no proxy is trusted", async () => {
    const spoofed = await whoami(api.url, basic(docNet), { headers: { "x-forwarded-for": "203.0.113.5" } });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body.code).toBe("IP_NOT_ALLOWED");
    // ...and the real socket address still counts.
    expect((await whoami(api.url, basic(localOnly), { headers: { "x-forwarded-for": "198.51.100.1" } })).status).toBe(200);
  });
});

describe("X-Forwarded-For from a trusted proxy", () => {
  it("honours the forwarded address", async () => {
    expect((await whoami(proxied.url, basic(docNet), { headers: { "x-forwarded-for": "203.0.113.5" } })).status).toBe(200);
    // The proxy's own address is not the client once XFF names another one.
    const proxyOnly = await whoami(proxied.url, basic(localOnly), { headers: { "x-forwarded-for": "203.0.113.5" } });
    expect(proxyOnly.status).toBe(403);
    expect(proxyOnly.body.code).toBe("IP_NOT_ALLOWED");
    // Without the header the socket address is the client.
    expect((await whoami(proxied.url, basic(docNet))).status).toBe(403);
  });

  it("takes the right-most untrusted hop of comma lists and repeated headers", async () => {
    const cases: [string[], number][] = [
      [["X-Forwarded-For: 198.51.100.9, 203.0.113.5"], 200],
      [["X-Forwarded-For: 203.0.113.5, 198.51.100.9"], 403], // the client cannot prepend its way in
      [["X-Forwarded-For: 203.0.113.5, 127.0.0.1"], 200], // trusted hops are skipped
      [["X-Forwarded-For: 203.0.113.5,127.0.0.1 , 127.0.0.1"], 200],
      [["X-Forwarded-For: 198.51.100.9", "X-Forwarded-For: 203.0.113.5"], 200],
      [["X-Forwarded-For: 203.0.113.5", "X-Forwarded-For: 198.51.100.9"], 403],
      [["X-Forwarded-For: garbage, 203.0.113.5"], 200], // only hops up to the first untrusted one matter
    ];
    for (const [headers, status] of cases) {
      const res = await whoamiRaw(proxied.url, docNet, headers);
      expect(res, headers.join(" | ")).toEqual({ status, code: status === 403 ? "IP_NOT_ALLOWED" : undefined });
    }
  });

  it("denies when the hop that decides is malformed", async () => {
    for (const hop of ["203.0.113.5:8080", "garbage", "203.0.113.5, garbage", "203.0.113.05", "", "203.0.113.5, ", "[203.0.113.5]", "unknown"]) {
      const res = await whoamiRaw(proxied.url, docNet, [`X-Forwarded-For: ${hop}`]);
      expect(res, JSON.stringify(hop)).toEqual({ status: 403, code: "IP_NOT_ALLOWED" });
    }
  });
});

async function listen(host: string, handler: http.RequestListener): Promise<{ server: http.Server; port: number } | null> {
  const server = http.createServer(handler);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, host, resolve);
    });
  } catch {
    return null;
  }
  return { server, port: (server.address() as AddressInfo).port };
}
const closeServer = (s: http.Server) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())));

describe("IPv6", () => {
  it("matches ::1 against a request over [::1] (skipped when the host has no IPv6 loopback)", async (ctx) => {
    const v6 = await listen("::1", (req, res) => void api.instance.handler(req, res));
    if (!v6) return ctx.skip();
    try {
      const onlyV6 = (await createApiKey(acct.ctx.owner, keyInput({ allowedIps: "::1" }))).plaintextKey;
      const url = `http://[::1]:${v6.port}`;
      expect((await whoami(url, basic(onlyV6))).status).toBe(200);
      const v4Key = await whoami(url, basic(localOnly));
      expect(v4Key.status).toBe(403);
      expect(v4Key.body.code).toBe("IP_NOT_ALLOWED");
      expect((await whoami(api.url, basic(onlyV6))).status).toBe(403); // same key over IPv4
    } finally {
      await closeServer(v6.server);
    }
  });

  it("treats an IPv4-mapped socket address (dual-stack ::) as the IPv4 address", async (ctx) => {
    const dual = await listen("::", (req, res) => void api.instance.handler(req, res));
    if (!dual) return ctx.skip();
    try {
      expect((await whoami(`http://127.0.0.1:${dual.port}`, basic(localOnly))).status).toBe(200);
    } finally {
      await closeServer(dual.server);
    }
  });
});

describe("CIDR edges via POST /api/v1/keys/verify", () => {
  it("includes both ends of a range and nothing beyond", async () => {
    const caller = (await createApiKey(acct.ctx.owner, keyInput({ scopes: ["keys:verify"] }))).plaintextKey;
    const target = (await createApiKey(acct.ctx.owner, keyInput({ allowedIps: "203.0.113.0/24\n2001:db8::/32\n198.51.100.7" }))).plaintextKey;
    const expected: Record<string, string> = {
      "203.0.113.0": "VALID",
      "203.0.113.255": "VALID",
      "203.0.113.128": "VALID",
      "203.0.114.0": "IP_NOT_ALLOWED",
      "203.0.112.255": "IP_NOT_ALLOWED",
      "::ffff:203.0.113.9": "VALID", // IPv4-mapped counts as IPv4
      "198.51.100.7": "VALID",
      "198.51.100.8": "IP_NOT_ALLOWED",
      "2001:db8::": "VALID",
      "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff": "VALID",
      "2001:db9::": "IP_NOT_ALLOWED",
      "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff": "IP_NOT_ALLOWED",
      "::1": "IP_NOT_ALLOWED",
    };
    for (const [ip, code] of Object.entries(expected)) {
      const res = await verifyCall(api.url, caller, { key: target, ip });
      expect(res.status, ip).toBe(200);
      expect(res.body.code, ip).toBe(code);
      expect(res.body.valid, ip).toBe(code === "VALID");
    }
  });
});
