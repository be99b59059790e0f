/**
 * The verification API's notion of "now". Tests (and only tests: DC_TEST_CLOCK=1) may move it forward to cross a
 * rotation grace period or an expiry without waiting; production never sets an offset.
 */
let offsetMs = 0;

export function now(): number {
  return Date.now() + offsetMs;
}

export function testClockEnabled(env = process.env): boolean {
  return env.DC_TEST_CLOCK === "1";
}

export function advanceTestClock(ms: number): number {
  if (!testClockEnabled()) throw new Error("The test clock is disabled");
  offsetMs += ms;
  return offsetMs;
}

/** Tests only: back to real time. */
export function resetTestClock(): void {
  offsetMs = 0;
}
