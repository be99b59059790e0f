/**
 * The front door answers malformed or hostile requests with a 4xx before Next sees them (the security review's
 * "500s from client input"), strips forwarding headers from untrusted peers, replays checked bodies intact,
 * and marks HTTPS responses with HSTS. `web` here records what Next would have received.
 */
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontDoor } from "@/api-server/front-door";
import { parseTrustedProxies } from "@/core/net/client-ip";
import { rawHttp, startTestApi, type TestApi } from "../support/api-server";

type Seen = { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string };
let seen: Seen[] = [];
let api: TestApi;
const servers: http.Server[] = [];

async function serve(trusted = ""): Promise<string> {
  const door = createFrontDoor({
    api: api.instance.handler,
    trustedProxies: parseTrustedProxies(trusted),
    web: (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.end("next");
      });
    },
  });
  const server = http.createServer(door);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let url: string;
let host: string;
beforeAll(async () => {
  api = await startTestApi();
  url = await serve();
  host = new URL(url).host;
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await api.close();
});

const action = (body: string, extra: Record<string, string> = {}) =>
  fetch(`${url}/settings/developers/api-keys`, {
    method: "POST",
    headers: { origin: url, "next-action": "0123abcd", "content-type": "text/plain;charset=UTF-8", ...extra },
    body,
  });

describe("server-action bodies", () => {
  it("a well-formed action reaches Next with its body intact", async () => {
    seen = [];
    const body = JSON.stringify([{ name: "CRM", scopes: ["subscribers"], note: "$$literal dollar", gone: "$undefined" }]);
    const res = await action(body);
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe(body);
  });

  const deep = "[".repeat(10_000) + "]".repeat(10_000);
  it.each([
    ["null", "null", 400],
    ["not JSON", "{nope", 400],
    ["an object, not an argument list", '{"a":1}', 400],
    ['a reference to a missing part ["$Q1"]', '["$Q1"]', 400],
    ['a reference ["$1"]', '[{"a":"$1"}]', 400],
    ["10,000-deep nesting", deep, 400],
    ["65-deep nesting", "[".repeat(65) + "]".repeat(65), 400],
    ["1,001 arguments", JSON.stringify(Array(1001).fill(0)), 400],
  ])("%s → %i, Next never called", async (_label, body, status) => {
    seen = [];
    const res = await action(body);
    expect(res.status).toBe(status);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(seen).toEqual([]);
  });

  it("a body over 1 MB → 413 (declared or streamed)", async () => {
    seen = [];
    expect((await action(JSON.stringify(["x".repeat(1024 * 1024)]))).status).toBe(413);
    const chunked = await rawHttp(url, `POST /login HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${url}\r\nNext-Action: 1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n100001\r\n${"x".repeat(0x100001)}\r\n0\r\n\r\n`);
    expect(chunked.status).toBe(413);
    expect(seen).toEqual([]);
  });
});

describe("other requests Next would turn into 500s", () => {
  const raw = (request: string) => rawHttp(url, request);
  it.each([
    ["multipart with a foreign Origin", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: https://evil.example\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 403],
    ["multipart with Origin: null", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: null\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 403],
    ["multipart without Origin ($ACTION fields, no Next-Action header)", `POST /settings/developers/api-keys HTTP/1.1\r\nHost: HOST\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 403],
    ["multipart to /login without a boundary", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nContent-Type: multipart/form-data\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 400],
    ["a multipart action (never used here)", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nNext-Action: 1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 7\r\nConnection: close\r\n\r\ngarbage`, 415],
    ["Multipart/Form-Data in other case with a JSON body", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nNext-Action: 1\r\nContent-Type: Multipart/Form-Data; boundary=x\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{"a":1}`, 415],
    ["a POST that is not an action", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]`, 400],
    ["two Host headers", `GET /login HTTP/1.1\r\nHost: HOST\r\nHost: evil.example\r\nConnection: close\r\n\r\n`, 400],
    ["Host: [::1", `GET /login HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n`, 400],
    ["no Host", `GET /login HTTP/1.0\r\n\r\n`, 400],
    ["TRACE /login", `TRACE /login HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 405],
    ["PUT to a page", `PUT /settings/developers/api-keys HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 405],
    ["absolute-form request line", `GET http://evil.example/login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`, 400],
    ["asterisk-form request line", `OPTIONS * HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ["form-encoded POST", `POST /login HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nNext-Action: 1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b`, 415],
  ])("%s → %i", async (_label, request, status) => {
    seen = [];
    const res = await raw(request.replaceAll("HOST", host).replaceAll("ORIGIN", url));
    expect(res.status).toBe(status);
    expect(seen).toEqual([]);
    expect(res.headers["location"]).toBeUndefined();
  });
});

describe("forwarding headers and transport", () => {
  it("X-Forwarded-Proto/Host from an untrusted peer are dropped before Next; the client IP header is ours", async () => {
    seen = [];
    await fetch(`${url}/login`, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-dc-client-ip": "203.0.113.9" } });
    expect(seen[0]!.headers["x-forwarded-proto"]).toBeUndefined();
    expect(seen[0]!.headers["x-forwarded-host"]).toBeUndefined();
    expect(seen[0]!.headers["x-dc-client-ip"]).toBe("127.0.0.1");
  });

  it("from a trusted proxy they are kept, and HTTPS answers carry HSTS (pages and API)", async () => {
    const proxied = await serve("127.0.0.1");
    seen = [];
    const page = await fetch(`${proxied}/login`, { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.4" } });
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(seen[0]!.headers["x-forwarded-proto"]).toBe("https");
    expect(seen[0]!.headers["x-dc-client-ip"]).toBe("198.51.100.4");
    const apiRes = await fetch(`${proxied}/api/v1/openapi.json`, { headers: { "x-forwarded-proto": "https" } });
    expect(apiRes.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const plain = await fetch(`${url}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  it("a client's own CSP request header (Next would take its nonce) is dropped; pages get a fallback policy", async () => {
    seen = [];
    const res = await fetch(`${url}/foo.png`, { headers: { "content-security-policy": "script-src 'nonce-AAAA'" } });
    expect(seen[0]!.headers["content-security-policy"]).toBeUndefined();
    expect(res.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("API answers carry X-Content-Type-Options: nosniff, errors included", async () => {
    for (const path of ["/api/v1/openapi.json", "/api/v1/whoami", "/api/v1/nope"]) {
      expect((await fetch(`${url}${path}`)).headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
