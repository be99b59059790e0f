/**
 * Bench processes: start a server and wait for its ready line, read its peak RSS and CPU time from /proc, wait
 * until it has gone idle (usage flushed, no vacuum running, GC done), stop it.
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
 * Waits until the process has used at most `maxTicks` of CPU in every 500 ms sample for `quietMs` in a row.
 * With quietMs longer than the usage flush interval, a pending flush (and the vacuum that may follow it) has
 * shown up as CPU and restarted the window, so the next pass starts on an idle server. Returns the wait in ms.
 */
export async function waitIdle(pid: number, quietMs: number, maxTicks = 2, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  let quietSince = Date.now();
  let last = cpuTicks(pid);
  while (Date.now() - started < timeoutMs) {
    await sleep(500);
    const now = cpuTicks(pid);
    if (now - last > maxTicks) quietSince = Date.now();
    last = now;
    if (Date.now() - quietSince >= quietMs) return Date.now() - started;
  }
  throw new Error(`process ${pid} did not go idle within ${timeoutMs / 1000} s`);
}
