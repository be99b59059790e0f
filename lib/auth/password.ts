import "server-only";
import { hash, verify } from "@node-rs/argon2";

import { ARGON2_OPTIONS as OPTIONS } from "./password-options";

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
