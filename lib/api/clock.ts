/**
 * The verification API's notion of "now". Tests (and only tests: DC_TEST_CLOCK=1) may move it forward to cross a
 * rotation grace period or an expiry without waiting; production never sets an offset.
 */
declare global {
  var __dcClockOffsetMs: number | undefined;
}

export function now(): number {
  return Date.now() + (globalThis.__dcClockOffsetMs ?? 0);
}

export function testClockEnabled(env = process.env): boolean {
  return env.DC_TEST_CLOCK === "1";
}

export function advanceTestClock(ms: number): number {
  if (!testClockEnabled()) throw new Error("The test clock is disabled");
  globalThis.__dcClockOffsetMs = (globalThis.__dcClockOffsetMs ?? 0) + ms;
  return globalThis.__dcClockOffsetMs;
}
