import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BASE62,
  KEY_ID_BODY_LENGTH,
  SECRET_LENGTH,
  SECRET_RANDOM_LENGTH,
  isKeyId,
  parseApiKey,
} from "@/core/secrets/key-format";
import {
  generateKeyId,
  generateSecret,
  hashSecret,
  issueSecret,
  randomBase62,
  secretMatches,
} from "@/core/secrets/generate";

const PEPPER = "p".repeat(16) + "EPPER-for-unit-tests-0123";
const OTHER_PEPPER = "another-pepper-that-is-long-enough-000";
const BASE62_ONLY = /^[0-9A-Za-z]*$/;

let savedPepper: string | undefined;
beforeEach(() => {
  savedPepper = process.env.API_KEY_PEPPER;
  process.env.API_KEY_PEPPER = PEPPER;
});
afterEach(() => {
  if (savedPepper === undefined) delete process.env.API_KEY_PEPPER;
  else process.env.API_KEY_PEPPER = savedPepper;
});

describe("randomBase62", () => {
  it.each([0, 1, 6, 16, 33, 100, 1000])("returns exactly %d base62 characters", (length) => {
    const value = randomBase62(length);
    expect(value).toHaveLength(length);
    expect(value).toMatch(BASE62_ONLY);
  });

  it("does not repeat across calls", () => {
    const values = new Set(Array.from({ length: 500 }, () => randomBase62(SECRET_RANDOM_LENGTH)));
    expect(values.size).toBe(500);
  });

  it("uses the whole alphabet without a modulo bias", () => {
    const sample = randomBase62(200_000);
    const counts = new Map<string, number>();
    for (const c of sample) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // A plain `byte % 62` would make "0".."7" 25% more likely than the rest (5/256 vs 4/256).
    const low = [...BASE62.slice(0, 8)].reduce((sum, c) => sum + (counts.get(c) ?? 0), 0) / 8;
    const rest = [...BASE62.slice(8)].reduce((sum, c) => sum + (counts.get(c) ?? 0), 0) / 54;
    expect(low / rest).toBeGreaterThan(0.95);
    expect(low / rest).toBeLessThan(1.05);
  });
});

describe("entropy", () => {
  it("the random part carries at least 192 bits", () => {
    expect(SECRET_RANDOM_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(192);
  });
});

describe("generateKeyId", () => {
  it("produces ids accepted by isKeyId, all different", () => {
    const ids = Array.from({ length: 200 }, generateKeyId);
    for (const id of ids) {
      expect(isKeyId(id)).toBe(true);
      expect(id).toHaveLength(3 + KEY_ID_BODY_LENGTH);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("generateSecret / issueSecret", () => {
  it("generateSecret makes a secret that parses together with its key id", () => {
    const keyId = generateKeyId();
    const secret = generateSecret(keyId);
    expect(secret).toHaveLength(SECRET_LENGTH);
    expect(secret).toMatch(BASE62_ONLY);
    expect(parseApiKey(`${keyId}.${secret}`)).toEqual({ keyId, secret });
    // The checksum binds the secret to its key id.
    expect(parseApiKey(`${generateKeyId()}.${secret}`)).toBeNull();
  });

  it("issueSecret returns a parseable key, the last 5 chars and a peppered hash", () => {
    for (let i = 0; i < 50; i++) {
      const keyId = generateKeyId();
      const issued = issueSecret(keyId);
      const parsed = parseApiKey(issued.plaintextKey);
      expect(parsed).not.toBeNull();
      expect(parsed!.keyId).toBe(keyId);
      expect(issued.plaintextKey.startsWith(`${keyId}.`)).toBe(true);
      expect(issued.secretLast5).toBe(parsed!.secret.slice(-5));
      expect(issued.secretLast5).toHaveLength(5);
      expect(issued.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(issued.secretHash).not.toBe(parsed!.secret);
      expect(issued.secretHash).not.toContain(parsed!.secret);
      expect(issued.secretHash).toBe(hashSecret(parsed!.secret));
      expect(secretMatches(parsed!.secret, issued.secretHash)).toBe(true);
    }
  });

  it("issues a different secret every time for the same key id", () => {
    const keyId = generateKeyId();
    const a = issueSecret(keyId);
    const b = issueSecret(keyId);
    expect(a.plaintextKey).not.toBe(b.plaintextKey);
    expect(a.secretHash).not.toBe(b.secretHash);
  });

  it("issueSecret refuses to work without a pepper", () => {
    delete process.env.API_KEY_PEPPER;
    expect(() => issueSecret(generateKeyId())).toThrow(/API_KEY_PEPPER/);
  });
});

describe("hashSecret", () => {
  it("is HMAC-SHA-256 keyed with the pepper, as lower-case hex", () => {
    const expected = crypto.createHmac("sha256", PEPPER).update("s3cret").digest("hex");
    expect(hashSecret("s3cret")).toBe(expected);
    expect(hashSecret("s3cret")).not.toBe(crypto.createHash("sha256").update("s3cret").digest("hex"));
  });

  it("is deterministic and differs for different secrets", () => {
    expect(hashSecret("a")).toBe(hashSecret("a"));
    expect(hashSecret("a")).not.toBe(hashSecret("b"));
  });

  it("depends on the pepper", () => {
    const withFirst = hashSecret("same secret");
    process.env.API_KEY_PEPPER = OTHER_PEPPER;
    expect(hashSecret("same secret")).not.toBe(withFirst);
  });

  it.each([
    ["unset", undefined],
    ["empty", ""],
    ["31 characters", "x".repeat(31)],
  ])("throws when the pepper is %s", (_label, value) => {
    if (value === undefined) delete process.env.API_KEY_PEPPER;
    else process.env.API_KEY_PEPPER = value;
    expect(() => hashSecret("anything")).toThrow(/API_KEY_PEPPER/);
  });

  it("accepts a pepper of exactly 32 characters", () => {
    process.env.API_KEY_PEPPER = "y".repeat(32);
    expect(hashSecret("anything")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("secretMatches", () => {
  const secret = "S".repeat(SECRET_LENGTH);

  it("is true for the right secret", () => {
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
  });

  it("is false for a wrong secret, including a one-character difference", () => {
    const stored = hashSecret(secret);
    expect(secretMatches(`${secret.slice(0, -1)}T`, stored)).toBe(false);
    expect(secretMatches("", stored)).toBe(false);
  });

  it("is false when the hash was made with another pepper", () => {
    const stored = hashSecret(secret);
    process.env.API_KEY_PEPPER = OTHER_PEPPER;
    expect(secretMatches(secret, stored)).toBe(false);
  });

  it("is false (and does not throw) for the plaintext stored instead of a hash", () => {
    expect(secretMatches(secret, secret)).toBe(false);
  });

  it.each([
    ["empty", () => ""],
    ["garbage", () => "not-a-hash"],
    ["truncated by one byte", (h: string) => h.slice(0, -2)],
    ["one byte too long", (h: string) => `${h}00`],
    ["non-hex in the middle", (h: string) => `${h.slice(0, 10)}zz${h.slice(12)}`],
    ["odd trailing nibble", (h: string) => `${h}0`],
    ["trailing garbage", (h: string) => `${h}zz`],
    ["trailing whitespace", (h: string) => `${h} `],
  ])("is false (no throw) for a stored hash that is %s", (_label, corrupt) => {
    const stored = corrupt(hashSecret(secret));
    expect(() => secretMatches(secret, stored)).not.toThrow();
    expect(secretMatches(secret, stored)).toBe(false);
  });
});
