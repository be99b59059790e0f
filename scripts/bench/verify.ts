/**
 * npm run bench:verify — the verification API under load, against the production build (run `npm run build`
 * first). DATABASE_URL picks the database (default: a fresh PGlite in data/bench/db). With autocannon at 50
 * connections, BENCH_SECONDS (20) a pass: (a) whoami on our server with random valid keys and (c) a bare node:http
 * baseline doing the same work (scripts/bench/baseline-server.ts) run back to back in BENCH_ROUNDS (6) rounds,
 * the order swapped every round; every other round adds (d) whoami with OAuth Bearer access tokens and (u) whoami
 * as API users (HTTP Basic, one per account; argon2id checked once per user, then the remembered credential);
 * then (b) our server with random unknown keys (well-formed, valid checksum). Before every pass both servers —
 * and, on a local PostgreSQL, its own processes (backends, autovacuum, checkpointer) — must be idle (no CPU for
 * 3 s: our server writes the pass's usage within ~2 s of it). Prints each pass, then the median and spread
 * (min–max) of req/s, p50, p99 and peak RSS, and the ratios (a)/(c), (u)/(a) and (d)/(a) per round.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import { resolveDatabaseConfig, describeDatabase } from "@/core/db/config";
import { checksum } from "@/core/secrets/key-format";
import { randomBase62 } from "@/core/secrets/generate";
import { USAGE_FLUSH_DEFAULT_MS } from "@/api-server/verify/usage";
import { bundle } from "../build-server";
import { BENCH_DIR, KEYS_FILE, prepareBenchDatabase } from "./prepare";
import { cpuTicks, localPostgresPids, peakRssMb, serverArgs, start, stop, ticksByPid, ticksSince, waitIdle, type Started } from "./processes";
import { Latencies, round } from "./stats";
import { printVerifySummary, type Pass } from "./verify-report";

// 20 s: longer than the usage flush interval, so every pass of ours includes a usage write of all 10,000 keys.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// Six (a)/(c) pairs by default: on a shared 2-core machine a single pass can lose 10–20 % to the neighbours
// (the baseline alone has ranged over ±15 % within a minute); the median of six pairs is what a re-run reproduces.
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 6));
const CONNECTIONS = 50;
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const FLUSH_MS = Number(process.env.USAGE_FLUSH_MS ?? USAGE_FLUSH_DEFAULT_MS);
// The server writes usage within ~2 s of the requests stopping (a tick a second, idle after a second without one).
const QUIET_MS = 3000;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijkl",
  API_KEY_PEPPER: "bench-pepper-0123456789abcdefghijklmnopq",
  // The load comes from one IP: lift the per-IP limits so the bench measures the path, not the limiter's refusals.
  API_MAX_IN_FLIGHT: "100000",
  API_MAX_AUTH_FAILURES: "1000000000",
  USAGE_FLUSH_MS: String(FLUSH_MS),
};
process.env.API_KEY_PEPPER = env.API_KEY_PEPPER;

function unknownKey(): string {
  const keyId = `dc_${randomBase62(16)}`;
  const random = randomBase62(33);
  return `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
}

const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Every process whose work could overlap a pass: both servers and a local PostgreSQL's own processes. */
let quietPids: () => number[] = () => [];
/** A local PostgreSQL's processes when the bench runs on PostgreSQL; none on the embedded database. */
let databasePids: () => number[] = () => [];

async function load(kind: Pass["kind"], roundNo: number, port: number, headers: string[], target: Started, seconds = SECONDS): Promise<Pass> {
  // The same wait before every pass, ours or the baseline's: long enough for the last pass's usage write (done
  // within ~2 s of it) and any vacuum it set off (in PostgreSQL's own processes) to have finished.
  const idleMs = await waitIdle(quietPids, QUIET_MS);
  const latencies = new Latencies();
  const instance = autocannon({
    url: `http://127.0.0.1:${port}/api/v1/whoami`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: headers[crypto.randomInt(headers.length)]! } }) }],
  });
  // autocannon's own histogram has 1 ms buckets and keeps 2xx only; record every answer exactly instead.
  (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.record(ms));
  const ticks = cpuTicks(target.pid);
  const dbPids = databasePids();
  const dbTicks = ticksByPid(dbPids);
  const result = await instance;
  const cpuMs = (cpuTicks(target.pid) - ticks) * 10;
  const dbCpuMs = ticksSince(dbTicks) * 10;
  return {
    kind,
    round: roundNo,
    rps: Math.round(result.requests.total / result.duration),
    p50: round(latencies.percentile(50), 2),
    p99: round(latencies.percentile(99), 2),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssMb: peakRssMb(target.pid),
    cpuUsPerReq: round((cpuMs * 1000) / result.requests.total, 1),
    dbCpuUsPerReq: dbPids.length ? round((dbCpuMs * 1000) / result.requests.total, 1) : null,
    idleWaitS: round(idleMs / 1000, 1),
  };
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first");
  const config = resolveDatabaseConfig(process.env.DATABASE_URL || `file:${BENCH_DIR}/db`);
  const databaseUrl = config.kind === "postgres" ? config.url : `file:${BENCH_DIR}/db`;
  console.log(`Preparing 10,000 keys in 100 accounts on ${describeDatabase(config)}…`);
  const data = await prepareBenchDatabase(config);
  const keys = data.keys.map((k) => basicAuth("api", k));
  const apiUsers = data.apiUsers.map((u) => basicAuth(u.username, u.password));
  const tokens = data.tokens.map((t) => `Bearer ${t}`);
  const unknown = Array.from({ length: 10_000 }, () => basicAuth("api", unknownKey()));

  let server: Started | undefined;
  let baseline: Started | undefined;
  const passes: Pass[] = [];
  try {
    server = await start(serverArgs(), { ...env, PORT: String(PORT), DATABASE_URL: databaseUrl }, /running at/);
    // Plain node for both: the baseline is bundled the same way as the server.
    await bundle("scripts/bench/baseline-server.ts", `${BENCH_DIR}/baseline-server.mjs`);
    baseline = await start([`${BENCH_DIR}/baseline-server.mjs`, KEYS_FILE], { ...env, PORT: String(PORT + 1) }, /baseline ready/);
    const pids = [server.pid, baseline.pid];
    if (config.kind === "postgres") databasePids = localPostgresPids;
    quietPids = () => [...pids, ...databasePids()];
    // One short unreported pass each, so the first measured round does not pay for JIT warm-up (ours is longer:
    // its first flush inserts the day's 10,000 usage rows, which later flushes only update).
    await load("a", 0, PORT, keys, server, 6);
    await load("c", 0, PORT + 1, keys, baseline, 3);
    await load("u", 0, PORT, apiUsers, server, 3);
    await load("d", 0, PORT, tokens, server, 3);
    for (let r = 1; r <= ROUNDS; r++) {
      const order = r % 2 === 1 ? (["a", "c"] as const) : (["c", "a"] as const);
      // (a) and (c) back to back, so the pair sees the same machine (a shared VM's speed drifts by ±10 % over a
      // minute); then the Bearer and API-user passes.
      for (const kind of order) {
        passes.push(kind === "a" ? await load("a", r, PORT, keys, server) : await load("c", r, PORT + 1, keys, baseline));
        console.log(JSON.stringify(passes.at(-1)));
      }
      if (r % 2 === 1) continue;
      passes.push(await load("d", r, PORT, tokens, server));
      console.log(JSON.stringify(passes.at(-1)));
      passes.push(await load("u", r, PORT, apiUsers, server));
      console.log(JSON.stringify(passes.at(-1)));
    }
    for (let r = 1; r <= 3; r++) {
      passes.push(await load("b", r, PORT, unknown, server));
      console.log(JSON.stringify(passes.at(-1)));
    }
  } finally {
    await stop(server);
    await stop(baseline);
  }
  const summary = printVerifySummary(describeDatabase(config), passes, { connections: CONNECTIONS, seconds: SECONDS, embedded: config.kind !== "postgres" });
  fs.writeFileSync(`${BENCH_DIR}/results-${config.kind}.json`, JSON.stringify({ database: describeDatabase(config), passes, summary }, null, 2));
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  },
);
