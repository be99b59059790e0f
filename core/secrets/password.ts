/** Password hashing for people (argon2id), with a dummy verify for unknown users so both take the same time. */
import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

// OWASP's argon2id baseline (19 MiB, t=2, p=1): ~10 ms here with @node-rs/argon2, off the event loop.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * One argon2 computation at a time. Each holds 19 MiB while it runs, on libuv's four-thread pool: unbounded, a
 * burst of logins (or of wrong API-user passwords) would take every pool thread from file and DNS work and add
 * ~76 MB to the peak memory; two at a time still added ~38 MB, which took the embedded server's peak over its
 * 300 MB budget (npm run bench:verify). One keeps ~100 checks/s (~10 ms each); people sign in rarely and a
 * verified API user is remembered, so the rest waiting their turn is not felt.
 */
const argon2Slots = pLimit(1);

export function hashPassword(password: string): Promise<string> {
  return argon2Slots(() => hash(password, OPTIONS));
}

// Verifying against this for unknown emails keeps "no such user" as slow as "wrong password".
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    dummyHash ??= hashPassword("not-a-real-password");
    const against = storedHash ?? (await dummyHash);
    const ok = await argon2Slots(() => verify(against, password));
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}
