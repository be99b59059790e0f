import http from "node:http";
import type { AddressInfo } from "node:net";
import { startApi, type ApiInstance, type ApiOptions } from "@/api-server";
import { getChangeSink, getDatabase, setChangeSink } from "@/core/registry";

export type TestApi = { url: string; instance: ApiInstance; close: () => Promise<void> };

/**
 * A real HTTP server running the verification API on the test file's database. The first one started becomes
 * "this instance" for the mutations' write-through (the change sink in core/registry.ts); later ones are "other instances"
 * that learn about changes only through LISTEN/NOTIFY, like a second server process would.
 */
export async function startTestApi(options: ApiOptions = {}): Promise<TestApi> {
  const db = await getDatabase();
  const instance = await startApi(db, { usageFlushMs: 60_000, ...options });
  if (!getChangeSink()) setChangeSink(instance.sink);
  const server = http.createServer((req, res) => void instance.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    instance,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (getChangeSink() === instance.sink) setChangeSink(null);
      await instance.stop();
    },
  };
}

export function basic(key: string, user = "api"): string {
  return `Basic ${Buffer.from(`${user}:${key}`).toString("base64")}`;
}

export type RawResponse = { status: number; headers: Record<string, string>; body: string; raw: string };

/**
 * Sends bytes exactly as given over a plain TCP socket (for headers node's http client refuses to send) and reads
 * until the server closes. Rejects on a timeout; a reset before any byte resolves with status 0.
 */
export async function rawHttp(url: string, request: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  const net = await import("node:net");
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`rawHttp: no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve(parseRawResponse(Buffer.concat(chunks).toString("latin1")));
    };
    socket.on("connect", () => socket.end(request));
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("close", done);
    socket.on("error", () => {}); // a reset still ends in "close"
  });
}

export function parseRawResponse(raw: string): RawResponse {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? raw : raw.slice(0, split);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  return { status, headers, body: split < 0 ? "" : raw.slice(split + 4), raw };
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 5000, intervalMs = 25, what = "condition" } = {},
): Promise<{ value: T; elapsedMs: number }> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    const elapsedMs = performance.now() - started;
    if (value !== undefined) return { value, elapsedMs };
    if (elapsedMs > timeoutMs) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** GET /api/v1/whoami with an optional Authorization header: status, body (parsed when JSON) and headers. */
export async function whoami(url: string, authorization?: string, init: RequestInit = {}) {
  const res = await fetch(`${url}/api/v1/whoami`, {
    ...init,
    headers: { ...(authorization ? { authorization } : {}), ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: safeJson(text) };
}

/** POST /api/v1/keys/verify as `callerKey` (Bearer) with a JSON body (or a raw string body). */
export async function verifyCall(url: string, callerKey: string, body: unknown) {
  const res = await fetch(`${url}/api/v1/keys/verify`, {
    method: "POST",
    headers: { authorization: `Bearer ${callerKey}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: safeJson(text) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
