/** The verify bench's report: every pass, then medians with spreads, the per-round ratios and the targets. */
import { formatSpread, round, spread, type Spread } from "./stats";

export type Pass = {
  kind: "a" | "b" | "c" | "u" | "d";
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number;
  /** The server's own CPU time (user + system) per answered request: less noisy than req/s on a shared machine. */
  cpuUsPerReq: number;
  /** A local PostgreSQL's own CPU time per request during the pass (usage flushes, vacuum); null on PGlite. */
  dbCpuUsPerReq: number | null;
  idleWaitS: number;
};

const NAMES = {
  a: "(a) ours, valid keys",
  b: "(b) ours, unknown keys",
  c: "(c) node:http baseline",
  u: "(u) ours, API users",
  d: "(d) ours, OAuth Bearer tokens",
} as const;

type KindSummary = { rps: Spread; p50: Spread; p99: Spread; rssMb: Spread; cpu: Spread };

function summarise(passes: Pass[]): KindSummary {
  return {
    rps: spread(passes.map((p) => p.rps)),
    p50: spread(passes.map((p) => p.p50)),
    p99: spread(passes.map((p) => p.p99)),
    rssMb: spread(passes.map((p) => p.rssMb)),
    cpu: spread(passes.map((p) => p.cpuUsPerReq)),
  };
}

export function printVerifySummary(database: string, passes: Pass[], run: { connections: number; seconds: number; embedded: boolean }) {
  console.log(`\nVerification benchmark — ${database}, ${run.connections} connections, ${run.seconds} s per pass\n`);
  console.log("| pass | round | req/s | p50 ms | p99 ms | errors | non-2xx | peak RSS MB | CPU µs/req | DB CPU µs/req | idle wait s |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const p of passes) {
    console.log(`| ${NAMES[p.kind]} | ${p.round} | ${p.rps} | ${p.p50} | ${p.p99} | ${p.errors} | ${p.non2xx} | ${p.rssMb} | ${p.cpuUsPerReq} | ${p.dbCpuUsPerReq ?? "–"} | ${p.idleWaitS} |`);
  }

  const byKind = (kind: Pass["kind"]) => passes.filter((p) => p.kind === kind);
  const kinds = { a: summarise(byKind("a")), b: summarise(byKind("b")), c: summarise(byKind("c")), u: summarise(byKind("u")), d: summarise(byKind("d")) };
  console.log(`\nMedian (min–max) over ${byKind("a").length} rounds ((u), (d): ${byKind("u").length}; (b): ${byKind("b").length})\n`);
  console.log("| pass | req/s | p50 ms | p99 ms | peak RSS MB | CPU µs/req |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const kind of ["a", "d", "u", "c", "b"] as const) {
    const s = kinds[kind];
    console.log(`| ${NAMES[kind]} | ${formatSpread(s.rps)} | ${formatSpread(s.p50, 2)} | ${formatSpread(s.p99, 2)} | ${formatSpread(s.rssMb)} | ${formatSpread(s.cpu, 1)} |`);
  }

  const rounds = byKind("a").map((a) => ({ a, c: byKind("c").find((c) => c.round === a.round)! }));
  const ratio = spread(rounds.map(({ a, c }) => round(a.rps / c.rps, 2)));
  const p99Ratio = spread(rounds.map(({ a, c }) => round(a.p99 / c.p99, 2)));
  // (u) and (d) run in every other round: each against that round's (a).
  const against = (kind: "u" | "d") => rounds.flatMap(({ a }) => byKind(kind).filter((p) => p.round === a.round).map((p) => round(p.rps / a.rps, 2)));
  const userRatios = against("u");
  const userRatio = spread(userRatios);
  const peakRss = Math.max(...passes.filter((p) => p.kind !== "c").map((p) => p.rssMb));
  console.log(`\nratio (a)/(c) req/s per round: ${rounds.map(({ a, c }) => (a.rps / c.rps).toFixed(2)).join(", ")} → median ${formatSpread(ratio, 2)}`);
  console.log(`p99 (a)/(c) per round: ${rounds.map(({ a, c }) => (a.p99 / c.p99).toFixed(2)).join(", ")} → median ${formatSpread(p99Ratio, 2)}`);
  console.log(`API users (u)/(a) req/s per round: ${userRatios.map((v) => v.toFixed(2)).join(", ")} → median ${formatSpread(userRatio, 2)}`);
  const bearer = spread(against("d"));
  console.log(`ratio (d)/(a) req/s per round (Bearer vs API key) → median ${formatSpread(bearer, 2)}`);
  console.log(`peak RSS of our server: ${peakRss} MB\n`);

  const checks = [
    ["ratio (a)/(c) ≥ 0.9 (median)", ratio.median >= 0.9],
    ["our p99 ≤ 1.2 × the baseline's p99 in the same round (median)", p99Ratio.median <= 1.2],
    ["no errors; only the unknown-key passes answer non-2xx", passes.every((p) => p.errors === 0 && (p.kind === "b" ? p.non2xx > 0 : p.non2xx === 0))],
    ["API users (u) ≥ 0.5 × valid keys (a) in req/s, every round it ran", userRatio.min >= 0.5],
    // The memory target is the embedded database's, whose engine lives in our process; on PostgreSQL it is shown.
    ...(run.embedded ? ([["peak RSS ≤ 300 MB (embedded database)", peakRss <= 300]] as const) : []),
    ["Bearer (d) ≥ 0.8 × API key (a) req/s (median)", bearer.median >= 0.8],
  ] as const;
  for (const [label, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${label}`);
  return { kinds, ratio, p99Ratio, userRatio, peakRss };
}
