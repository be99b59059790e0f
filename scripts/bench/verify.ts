/**
 * npm run bench:verify — the verification API under load, against the production build (run `npm run build`
 * first; this script builds nothing). DATABASE_URL picks the database (default: a fresh PGlite in data/bench/db).
 * Measures, with autocannon at 50 connections: (a) whoami on our server with random valid keys, (b) the same with
 * random unknown keys (well-formed, valid checksum), (c) a bare node:http baseline doing the same parse + hash +
 * lookup. Each is run twice, a cold pass then a warm pass. Prints req/s, p50, p99, errors and peak RSS.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import { resolveDatabaseConfig, describeDatabase } from "@/core/db/config";
import { checksum } from "@/core/secrets/key-format";
import { randomBase62 } from "@/core/secrets/generate";
import { BENCH_DIR, KEYS_FILE, prepareBenchDatabase } from "./prepare";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijkl",
  API_KEY_PEPPER: "bench-pepper-0123456789abcdefghijklmnopq",
  // The load comes from one IP: lift the per-IP limits so the bench measures the path, not the limiter's refusals.
  API_MAX_IN_FLIGHT: "100000",
  API_MAX_AUTH_FAILURES: "1000000000",
  USAGE_FLUSH_MS: process.env.USAGE_FLUSH_MS ?? "5000",
};
process.env.API_KEY_PEPPER = env.API_KEY_PEPPER;

function start(args: string[], port: number, ready: RegExp, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...env, ...extra, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${out}`)));
    setTimeout(() => reject(new Error(`timed out starting ${args.join(" ")}:\n${out}`)), 120_000).unref();
  });
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

function unknownKey(): string {
  const keyId = `dc_${randomBase62(16)}`;
  const random = randomBase62(33);
  return `${keyId}.${random}${checksum(`${keyId}.${random}`)}`;
}

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; rssMb: number };

async function load(name: string, port: number, keys: string[], pid: number): Promise<Row> {
  const headers = keys.map((k) => `Basic ${Buffer.from(`api:${k}`).toString("base64")}`);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/whoami`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: headers[crypto.randomInt(headers.length)]! } }) }],
  });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssMb: peakRssMb(pid),
  };
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first");
  const config = resolveDatabaseConfig(process.env.DATABASE_URL || `file:${BENCH_DIR}/db`);
  const databaseUrl = config.kind === "postgres" ? config.url : `file:${BENCH_DIR}/db`;
  console.log(`Preparing 10,000 keys in 100 accounts on ${describeDatabase(config)}…`);
  const keys = await prepareBenchDatabase(config);
  const unknown = Array.from({ length: 10_000 }, unknownKey);

  const server = await start(["server.ts"], 3200, /running at/, { DATABASE_URL: databaseUrl });
  const baseline = await start(["scripts/bench/baseline-server.ts", KEYS_FILE], 3201, /baseline ready/);
  const rows: Row[] = [];
  try {
    // (a) and (c) alternate so that each ratio compares passes run back to back on this shared machine.
    rows.push(await load("(a) ours, valid keys — cold", 3200, keys, server.pid!));
    rows.push(await load("(c) node:http baseline — cold", 3201, keys, baseline.pid!));
    rows.push(await load("(a) ours, valid keys — warm", 3200, keys, server.pid!));
    rows.push(await load("(c) node:http baseline — warm", 3201, keys, baseline.pid!));
    rows.push(await load("(b) ours, unknown keys — cold", 3200, unknown, server.pid!));
    rows.push(await load("(b) ours, unknown keys — warm", 3200, unknown, server.pid!));
  } finally {
    server.kill("SIGTERM");
    baseline.kill("SIGTERM");
  }

  console.log(`\nVerification benchmark — ${describeDatabase(config)}, ${CONNECTIONS} connections, ${SECONDS} s per pass\n`);
  console.log("| pass | req/s | p50 ms | p99 ms | errors | non-2xx | peak RSS MB |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.rssMb} |`);
  const [aCold, cCold, aWarm, cWarm, , bWarm] = rows as [Row, Row, Row, Row, Row, Row];
  const ratio = aWarm.rps / cWarm.rps;
  console.log(`\nratio (a)/(c): warm ${ratio.toFixed(2)}, cold ${(aCold.rps / cCold.rps).toFixed(2)}`);
  const checks = [
    [`warm ratio ≥ 0.5`, ratio >= 0.5],
    [`warm p99 ≤ 10 ms`, aWarm.p99 <= 10],
    [`no errors; only the unknown-key passes answer non-2xx`, rows.every((r) => r.errors === 0) && aWarm.non2xx === 0 && bWarm.non2xx > 0],
    [`peak RSS ≤ 300 MB`, Math.max(aWarm.rssMb, bWarm.rssMb) <= 300],
  ] as const;
  for (const [label, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${label}`);
  fs.writeFileSync(`${BENCH_DIR}/results-${config.kind}.json`, JSON.stringify({ database: describeDatabase(config), rows, ratio }, null, 2));
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  },
);
