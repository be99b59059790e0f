/**
 * One process, one port: opens the database (the embedded PGlite may only be opened by one process), checks it,
 * then serves Next. It is also the one place that knows the client's real socket address: it overwrites
 * x-dc-client-ip on every request so nothing a client sends can pose as its IP.
 */
import http from "node:http";
import next from "next";
import { loadEnv } from "./lib/db/load-env";
import { describeDatabase, resolveDatabaseConfig } from "./lib/db/config";
import { openDatabase, type Database } from "./lib/db/client";
import { checkDatabase, checkEnvironment } from "./lib/db/startup";
import { CLIENT_IP_HEADER } from "./lib/http/client-ip";
import { isCrossSiteAction } from "./lib/http/same-origin";
import { startApi, type ApiInstance } from "./lib/api/instance";
import { formatIp, resolveClientIp } from "./lib/api/client-ip";

loadEnv(false);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

function fail(message: string): never {
  console.error(`\n✖ Developer's corner cannot start: ${message}\n`);
  process.exit(1);
}

async function main() {
  const envProblems = checkEnvironment();
  if (envProblems.length) fail(`${envProblems.join("; ")}. Run \`npm run setup\` to create .env.`);

  let db: Database;
  try {
    const config = resolveDatabaseConfig();
    db = await openDatabase(config);
    await checkDatabase(db);
    console.log(`Database: ${describeDatabase(config)}`);
  } catch (e) {
    fail((e as Error).message);
  }
  globalThis.__dcDatabase = Promise.resolve(db);

  // The verification API answers /api/v1/* itself, before Next: see lib/api/handler.ts.
  let api: ApiInstance;
  try {
    api = await startApi(db);
  } catch (e) {
    fail((e as Error).message);
  }
  globalThis.__dcKeyCache = api.cache;
  console.log(`Verification API: ${api.cache.size} keys cached`);

  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/api/v1/")) {
      void api.handler(req, res);
      return;
    }
    // Same rule as the API: the socket address, or X-Forwarded-For only from a trusted proxy.
    req.headers[CLIENT_IP_HEADER] = formatIp(resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], api.trustedProxies)) ?? "";
    if (isCrossSiteAction(req.method, req.headers)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Forbidden: cross-site request");
      return;
    }
    void handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`Developer's corner is running at http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    await api.stop();
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

void main();
