/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the top functions by self time, and self time grouped
 * by where the code lives (our sources, Next, PGlite, node internals, GC/idle). Usage:
 * `npx tsx scripts/bench/cpuprofile-summary.ts <file.cpuprofile> [top=25] [from-s to-s]` — with a window, only
 * the samples taken that many seconds after the profile started (e.g. one load pass) count; the busy time per
 * second is printed first to choose it.
 */
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error("usage: cpuprofile-summary <file.cpuprofile> [top]");
const top = Number(process.argv[3] ?? 25);
const profile: Profile = JSON.parse(fs.readFileSync(file, "utf8"));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const [fromS, toS] = [Number(process.argv[4] ?? 0), Number(process.argv[5] ?? Infinity)];
const selfUs = new Map<number, number>();
const busyPerSecond: number[] = [];
let atUs = 0;
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  atUs += delta;
  const second = Math.floor(atUs / 1e6);
  if (byId.get(id)!.callFrame.functionName !== "(idle)") busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta;
  if (atUs < fromS * 1e6 || atUs >= toS * 1e6) return;
  totalUs += delta;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});

function place(url: string, name: string): string {
  if (name === "(garbage collector)") return "GC";
  if (name === "(idle)") return "idle";
  if (name === "(program)") return "V8/native (program)";
  // Postgres compiled to WebAssembly: its functions carry wasm:// URLs, not the package's path.
  if (url.includes("@electric-sql/pglite") || url.startsWith("wasm://")) return "PGlite (WASM + JS)";
  if (url.includes("/next/")) return "Next";
  if (url.includes("/react-dom/") || url.includes("/react/")) return "React";
  if (url.includes("node_modules/")) return `dependency ${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]}`;
  if (url.startsWith("node:") || url === "") return "node internals";
  return "our code";
}

const functions = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const short = url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
  const key = `${functionName || "(anonymous)"} ${short ? `${short}:${lineNumber + 1}` : ""}`.trim();
  functions.set(key, (functions.get(key) ?? 0) + us);
  const where = place(url, functionName);
  places.set(where, (places.get(where) ?? 0) + us);
}

const pct = (us: number) => ((100 * us) / totalUs).toFixed(1).padStart(5);
console.log(`Profile ${file}: ${(totalUs / 1e6).toFixed(1)} s counted, ${profile.samples.length} samples`);
console.log(`Busy ms per second: ${Array.from(busyPerSecond, (us, s) => `${s}:${Math.round((us ?? 0) / 1000)}`).join(" ")}\n`);
console.log("Self time by place:");
for (const [where, us] of [...places].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${where}`);
console.log(`\nTop ${top} functions by self time:`);
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(us)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}
