import http from "node:http";
import type { AddressInfo } from "node:net";
import { startApi, type ApiInstance, type ApiOptions } from "@/lib/api/instance";

export type TestApi = { url: string; instance: ApiInstance; close: () => Promise<void> };

/**
 * A real HTTP server running the verification API on the test file's database. The first one started becomes
 * "this instance" for the mutations' write-through (globalThis.__dcKeyCache); later ones are "other instances"
 * that learn about changes only through LISTEN/NOTIFY, like a second server process would.
 */
export async function startTestApi(options: ApiOptions = {}): Promise<TestApi> {
  const db = await globalThis.__dcDatabase!;
  const instance = await startApi(db, { usageFlushMs: 60_000, ...options });
  globalThis.__dcKeyCache ??= instance.cache;
  const server = http.createServer((req, res) => void instance.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    instance,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (globalThis.__dcKeyCache === instance.cache) globalThis.__dcKeyCache = undefined;
      await instance.stop();
    },
  };
}

export function basic(key: string, user = "api"): string {
  return `Basic ${Buffer.from(`${user}:${key}`).toString("base64")}`;
}
