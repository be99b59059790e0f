/**
 * npm run bench:dashboard — the signed-in dashboard under load, against the production build (`npm run build`
 * first). Seeds its own database (data/bench/dashboard, or DATABASE_URL's PostgreSQL) with one account of 15 keys,
 * 30 days of usage and 200 audit events; starts the server as `npm start` does; signs in through the real login
 * page in Chromium and reuses the session cookie. Then, BENCH_ROUNDS (3) rounds of BENCH_SECONDS (10) per pass, the
 * keys page and the API reference page alternate at 1 and at 4 connections, each pass on an idle server. Prints
 * time to first byte (p50/p99), whole-page time, pages/s (median and spread), and what the keys page weighs.
 */
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { describeDatabase, resolveDatabaseConfig } from "@/core/db/config";
import { API_REFERENCE_PATH, KEYS_PATH } from "@/modules/api-keys/nav";
import { loadPage, pageWeight, type PageLoad, type RscRequest } from "./dashboard-client";
import { BENCH_EMAIL, BENCH_PASSWORD, seedDashboardBench } from "./dashboard-seed";
import { serverArgs, start, stop, waitIdle, type Started } from "./processes";
import { formatSpread, round, spread } from "./stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const PORT = Number(process.env.BENCH_PORT ?? 3330);
const BASE = `http://127.0.0.1:${PORT}`;
const SECRETS = { AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijkl", API_KEY_PEPPER: "bench-pepper-0123456789abcdefghijklmnopq" };
process.env.API_KEY_PEPPER = SECRETS.API_KEY_PEPPER; // the seed hashes keys with it
export const PAGES = [
  { name: "keys page", path: KEYS_PATH, expect: 'data-testid="key-quota"' },
  { name: "API reference page", path: API_REFERENCE_PATH, expect: "/api/v1/openapi.json" },
] as const;

export type Pass = { page: string; connections: number; round: number; ttfbP50: number; ttfbP99: number; totalP50: number; pagesPerS: number; errors: number };

/**
 * Signs in through the login page, then navigates to the API reference and back to the keys page as a user
 * would, to learn the headers of the browser's RSC request for the keys page. Returns the cookie and those headers.
 */
export async function signIn(base = BASE): Promise<{ cookie: string; navigation: RscRequest }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(BENCH_EMAIL);
    await page.getByLabel("Password").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**${KEYS_PATH}`);
    let navigation: RscRequest | null = null;
    page.on("request", (req) => {
      const h = req.headers();
      if (h.rsc && !h["next-router-prefetch"] && req.url().includes(KEYS_PATH)) navigation = { url: req.url(), headers: h };
    });
    await page.getByRole("link", { name: "API reference" }).click();
    await page.waitForURL(`**${API_REFERENCE_PATH}`);
    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(`**${KEYS_PATH}`);
    await page.getByTestId("key-quota").waitFor();
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    if (!navigation) throw new Error("no RSC request was seen while navigating to the keys page");
    return { cookie, navigation };
  } finally {
    await browser.close();
  }
}

export function summarise(load: PageLoad, page: string, connections: number, roundNo: number): Pass {
  return {
    page,
    connections,
    round: roundNo,
    ttfbP50: round(load.ttfb.percentile(50), 1),
    ttfbP99: round(load.ttfb.percentile(99), 1),
    totalP50: round(load.total.percentile(50), 1),
    pagesPerS: round(load.pages / load.seconds, 1),
    errors: load.errors,
  };
}

export function report(database: string, passes: Pass[], weight: Awaited<ReturnType<typeof pageWeight>>) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`\nDashboard benchmark — ${database}, ${SECONDS} s per pass, ${ROUNDS} rounds; median (min–max)\n`);
  console.log("| page | connections | TTFB p50 ms | TTFB p99 ms | whole page p50 ms | pages/s | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  const pick = (page: string, c: number) => passes.filter((p) => p.page === page && p.connections === c);
  for (const c of [1, 4]) {
    for (const { name } of PAGES) {
      const ps = pick(name, c);
      const s = (f: (p: Pass) => number, d = 1) => formatSpread(spread(ps.map(f)), d);
      console.log(`| ${name} | ${c} | ${s((p) => p.ttfbP50)} | ${s((p) => p.ttfbP99)} | ${s((p) => p.totalP50)} | ${s((p) => p.pagesPerS)} | ${ps.reduce((n, p) => n + p.errors, 0)} |`);
    }
  }
  const ratio = (c: number) => {
    const perRound = pick(PAGES[0].name, c).map((k) => round(k.ttfbP50 / pick(PAGES[1].name, c).find((r) => r.round === k.round)!.ttfbP50, 2));
    return spread(perRound);
  };
  console.log(`\nkeys page TTFB p50 / API reference page TTFB p50, per round: 1 connection ${formatSpread(ratio(1), 2)}, 4 connections ${formatSpread(ratio(4), 2)}`);
  console.log(
    `keys page weight: document ${kb(weight.htmlBytes)} (${kb(weight.flightBytes)} of it inlined RSC payload), ${kb(weight.htmlGzipBytes)} gzip-encoded; ` +
      `RSC payload on navigation ${kb(weight.rscBytes)}, ${kb(weight.rscGzipBytes)} gzip-encoded; served compressed: ${weight.compressed ? "yes" : "no"}`,
  );
  const keys4 = spread(pick(PAGES[0].name, 4).map((p) => p.pagesPerS)).median;
  const checks = [
    ["keys page TTFB p50 ≤ 1.3 × the API reference page's (median, 1 and 4 connections)", ratio(1).median <= 1.3 && ratio(4).median <= 1.3],
    ["keys page ≤ 50 KB on the wire (gzip-encoded document)", weight.compressed && weight.htmlGzipBytes <= 50 * 1024],
    [`keys page at 4 connections ≥ 30 pages/s (twice the ~15 measured before): ${keys4}`, keys4 >= 30],
    ["no errors", passes.every((p) => p.errors === 0)],
  ] as const;
  for (const [label, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${label}`);
  return { ratio1: ratio(1), ratio4: ratio(4), keysPagesPerS4: keys4 };
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first");
  const config = resolveDatabaseConfig(process.env.DATABASE_URL || "file:data/bench/dashboard");
  const seeded = await seedDashboardBench(config);
  console.log(`Seeded ${describeDatabase(config)}: ${seeded.keys} keys, ${seeded.usageRows} usage rows, ${seeded.events} audit events`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: config.kind === "postgres" ? config.url : "file:data/bench/dashboard",
    ...SECRETS,
  };
  let server: Started | undefined;
  const passes: Pass[] = [];
  try {
    server = await start(serverArgs(), env, /running at/);
    const { cookie, navigation } = await signIn();
    for (const page of PAGES) await loadPage(new URL(page.path, BASE), cookie, 1, 2, page.expect); // warm-up, not reported
    const weight = await pageWeight(new URL(KEYS_PATH, BASE), cookie, PAGES[0].expect, navigation);
    for (let r = 1; r <= ROUNDS; r++) {
      for (const connections of [1, 4]) {
        for (const page of r % 2 ? PAGES : [...PAGES].reverse()) {
          await waitIdle(server.pid, 1500);
          const load = await loadPage(new URL(page.path, BASE), cookie, connections, SECONDS, page.expect);
          passes.push(summarise(load, page.name, connections, r));
          console.log(JSON.stringify(passes.at(-1)));
        }
      }
    }
    const summary = report(describeDatabase(config), passes, weight);
    fs.writeFileSync(`data/bench/dashboard-results-${config.kind}.json`, JSON.stringify({ passes, weight, summary }, null, 2));
  } finally {
    await stop(server);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (e: Error) => {
      console.error(`✖ ${e.message}`);
      process.exit(1);
    },
  );
}
