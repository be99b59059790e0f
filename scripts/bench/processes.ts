/**
 * Bench processes: start a server and wait for its ready line, read its peak RSS and CPU time from /proc, wait
 * until it — and a local PostgreSQL's own processes — have gone idle (usage flushed, no vacuum running, GC done),
 * stop it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Node's arguments in package.json's `start` script (`… node <args>`), so the benches run what `npm start` runs;
 * BENCH_SERVER_ARGS overrides them (e.g. `--import tsx server.ts` to measure an older start-up).
 */
export function serverArgs(): string[] {
  if (process.env.BENCH_SERVER_ARGS) return process.env.BENCH_SERVER_ARGS.split(/\s+/);
  const script: string = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts.start;
  const args = /(?:^|\s)node\s+(.+)$/.exec(script)?.[1]?.trim().split(/\s+/);
  if (!args) throw new Error(`package.json's start script does not run node: ${script}`);
  return args;
}

export type Started = { child: ChildProcess; pid: number; output: () => string };

export function start(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd?: string): Promise<Started> {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      if (ready.test(out)) resolve({ child, pid: child.pid!, output: () => out });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${out}`)));
    setTimeout(() => reject(new Error(`timed out starting ${args.join(" ")}:\n${out}`)), 120_000).unref();
  });
}

export async function stop(started: Started | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once("exit", resolve));
  started.child.kill("SIGTERM");
  await Promise.race([exited, sleep(15_000)]);
  if (started.child.exitCode === null) started.child.kill("SIGKILL");
}

/** VmHWM: the highest resident set size since the process started. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** User + system CPU time of a process, in clock ticks (1/100 s on Linux). */
export function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the full line)
}

/**
 * The PostgreSQL server's own processes on this machine (postmaster, backends, autovacuum, checkpointer…), by
 * command name; empty when the database runs elsewhere or /proc hides them. Their CPU is counted by waitIdle, so
 * a pass never starts while a vacuum or the last usage flush is still running inside the database.
 */
export function localPostgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** CPU ticks per process; a process that has exited is left out. */
export function ticksByPid(pids: number[]): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      ticks.set(pid, cpuTicks(pid));
    } catch {
      // exited (a database backend that closed)
    }
  }
  return ticks;
}

/** CPU ticks used since `before` by the processes that still exist (one that exited meanwhile counts nothing). */
export function ticksSince(before: Map<number, number>): number {
  let used = 0;
  for (const [pid, now] of ticksByPid([...before.keys()])) used += now - before.get(pid)!;
  return used;
}

/**
 * Waits until the processes together have used at most `maxTicks` of CPU in every 500 ms sample for `quietMs` in
 * a row. With quietMs longer than the usage flush interval, a pending flush (and the vacuum that may follow it)
 * has shown up as CPU and restarted the window, so the next pass starts on an idle server. `pids` is called on
 * every sample (database backends come and go). Returns the wait in ms.
 */
export async function waitIdle(pids: number | (() => number[]), quietMs: number, maxTicks = 2, timeoutMs = 120_000): Promise<number> {
  const list = typeof pids === "number" ? () => [pids] : pids;
  const started = Date.now();
  let quietSince = Date.now();
  let before = ticksByPid(list());
  while (Date.now() - started < timeoutMs) {
    await sleep(500);
    if (ticksSince(before) > maxTicks) quietSince = Date.now();
    before = ticksByPid(list());
    if (Date.now() - quietSince >= quietMs) return Date.now() - started;
  }
  throw new Error(`processes ${list().join(", ")} did not go idle within ${timeoutMs / 1000} s`);
}
