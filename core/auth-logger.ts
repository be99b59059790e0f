/**
 * Auth.js's logger: one line per event, by error name only. Auth.js's default prints a ~20-line stack for every
 * failed sign-in (CredentialsSignin) and every bad cookie (JWTSessionError); neither says anything an operator
 * needs beyond the event, and nothing a client sent is echoed into the log.
 */
import type { LoggerInstance } from "@auth/core/types";

const EXPECTED = new Set(["CredentialsSignin"]);

export const authLogger: Partial<LoggerInstance> = {
  error(error: Error) {
    const name = (error as { type?: string }).type ?? error.name;
    if (EXPECTED.has(name)) return; // a wrong password is not an error; the throttle counts it
    console.error(`[auth] ${name}`);
  },
  warn(code: string) {
    console.warn(`[auth] warning ${code}`);
  },
  debug() {},
};
