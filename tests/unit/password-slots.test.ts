/**
 * argon2 runs one at a time (core/secrets/password.ts): a burst of logins must neither take every libuv pool
 * thread nor add 19 MiB per concurrent check to the peak memory. The native module is replaced by one that
 * records how many computations overlap.
 */
import { describe, expect, it, vi } from "vitest";

const live = { now: 0, max: 0 };
vi.mock("@node-rs/argon2", () => {
  const work = async <T>(value: T): Promise<T> => {
    live.now++;
    live.max = Math.max(live.max, live.now);
    await new Promise((resolve) => setImmediate(resolve));
    live.now--;
    return value;
  };
  return { hash: (password: string) => work(`hash:${password}`), verify: (stored: string, password: string) => work(stored === `hash:${password}`) };
});

const { hashPassword, verifyPassword } = await import("@/core/secrets/password");

describe("argon2 slots", () => {
  it("a burst of 20 checks and 5 hashes never overlaps, and every one still answers", async () => {
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => verifyPassword(i % 2 ? "hash:right" : null, "right")),
      ...Array.from({ length: 5 }, (_, i) => hashPassword(`p${i}`)),
    ]);
    expect(live.max).toBe(1);
    expect(results.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i % 2 === 1));
    expect(results.slice(20)).toEqual(["hash:p0", "hash:p1", "hash:p2", "hash:p3", "hash:p4"]);
  });
});
