/**
 * The verification API's test clock (api-server/clock.ts) for one test: enabled, set to an absolute time, and
 * always reset afterwards, so the API's "now" crosses an expiry or a grace period without touching the database
 * or the key cache. Also: run something with DC_TEST_CLOCK set to a given value (or unset).
 */
import { advanceTestClock, now, resetTestClock } from "@/api-server/clock";

export type ApiClock = {
  /** Moves the API's "now" to `epochMs` (real time keeps running from there). */
  setTo: (epochMs: number) => void;
};

export async function withTestClockEnv<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env.DC_TEST_CLOCK;
  if (value === undefined) delete process.env.DC_TEST_CLOCK;
  else process.env.DC_TEST_CLOCK = value;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.DC_TEST_CLOCK;
    else process.env.DC_TEST_CLOCK = before;
  }
}

export function withApiClock<T>(run: (clock: ApiClock) => Promise<T>): Promise<T> {
  return withTestClockEnv("1", async () => {
    try {
      return await run({ setTo: (epochMs) => void advanceTestClock(epochMs - now()) });
    } finally {
      resetTestClock();
    }
  });
}
