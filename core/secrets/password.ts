/** Password hashing for people (argon2id), with a dummy verify for unknown users so both take the same time. */
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, t=2, p=1): ~10 ms here with @node-rs/argon2, off the event loop.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this for unknown emails keeps "no such user" as slow as "wrong password".
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    dummyHash ??= hash("not-a-real-password", OPTIONS);
    const ok = await verify(storedHash ?? (await dummyHash), password);
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}
