/**
 * Wiring only: environment → database (opened once; the embedded PGlite allows one opener) → verification API →
 * Next, behind one front door on one port (api-server/front-door.ts). Refuses to start, with a one-line reason,
 * when the environment or the database is not fit to serve.
 */
import fs from "node:fs";
import http from "node:http";
import next from "next";
import { loadEnv } from "./core/env";
import { describeDatabase, resolveDatabaseConfig } from "./core/db/config";
import { openDatabase, type Database } from "./core/db/client";
import { checkDatabase, checkEnvironment } from "./core/db/startup";
import { leanEmbeddedEngine } from "./core/db/pglite";
import { startKeyNotices } from "./core/notifications/key-notices";
import { setChangeSink, setDatabase } from "./core/registry";
import { startApi, type ApiInstance } from "./api-server";
import { createFrontDoor } from "./api-server/front-door";
import { startOutboxWorker } from "./core/mail/worker";

loadEnv(false);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

/**
 * The configuration `next build` resolved and wrote next to the build. Handing it to Next the way its own
 * standalone server does spares every start-up from transpiling next.config.ts, which loads Next's native SWC
 * compiler (~25 MB resident for the life of the process). Without a build, Next loads the file as usual.
 */
function adoptBuiltNextConfig(): void {
  try {
    const { config } = JSON.parse(fs.readFileSync(".next/required-server-files.json", "utf8")) as { config: object };
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  } catch {
    // no production build yet: app.prepare() reports that
  }
}

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
    if (config.kind === "pglite") leanEmbeddedEngine();
    db = await openDatabase(config);
    await checkDatabase(db);
    console.log(`Database: ${describeDatabase(config)}`);
  } catch (e) {
    fail((e as Error).message);
  }
  setDatabase(db);

  let api: ApiInstance;
  try {
    api = await startApi(db);
  } catch (e) {
    fail((e as Error).message);
  }
  setChangeSink(api.sink);
  console.log(`Verification API: ${api.cache.size} keys cached`);

  // Emails wait in the outbox (staff can read them at /staff/outbox) until SMTP_URL says where to send them.
  const mail = process.env.SMTP_URL ? startOutboxWorker(db.sql, { smtpUrl: process.env.SMTP_URL }) : null;
  console.log(mail ? "Email: delivering the outbox over SMTP_URL" : "Email: SMTP_URL not set; emails stay in the outbox (/staff/outbox)");
  startKeyNotices(db.prisma); // expiring keys and the weekly rotation digest, queued in the outbox

  adoptBuiltNextConfig();
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const server = http.createServer(createFrontDoor({ api: api.handler, web: app.getRequestHandler(), trustedProxies: api.trustedProxies }));
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
    await mail?.stop();
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

void main();
