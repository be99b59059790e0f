/** The key format dc_<16>.<33 random><6 CRC32>: constants, base62, checksum and parsing against known answers. */
import { describe, expect, it } from "vitest";
import {
  API_KEY_REGEX,
  BASE62,
  CHECKSUM_LENGTH,
  KEY_ID_BODY_LENGTH,
  KEY_PREFIX,
  SECRET_LENGTH,
  SECRET_RANDOM_LENGTH,
  checksum,
  isKeyId,
  maskSecret,
  parseApiKey,
  toBase62Fixed,
} from "@/core/secrets/key-format";

// Known-answer fixture, computed independently (Python zlib.crc32 + base62) from the documented format.
const KEY_ID = "dc_0123456789abcdef";
const SECRET = `${"A".repeat(33)}2vTi51`;
const VALID_KEY = `${KEY_ID}.${SECRET}`;

describe("format constants", () => {
  it("describe a 59-character key: dc_ + 16 + '.' + 33 + 6", () => {
    expect(KEY_PREFIX).toBe("dc_");
    expect(KEY_ID_BODY_LENGTH).toBe(16);
    expect(SECRET_LENGTH).toBe(SECRET_RANDOM_LENGTH + CHECKSUM_LENGTH);
    expect(VALID_KEY).toHaveLength(KEY_PREFIX.length + KEY_ID_BODY_LENGTH + 1 + SECRET_LENGTH);
  });

  it("BASE62 is 62 distinct alphanumeric characters in 0-9A-Za-z order", () => {
    expect(BASE62).toHaveLength(62);
    expect(new Set(BASE62).size).toBe(62);
    expect(BASE62).toMatch(/^0123456789A[A-Z]*Za[a-z]*z$/);
  });
});

describe("toBase62Fixed", () => {
  it.each([
    [0, 6, "000000"],
    [1, 6, "000001"],
    [61, 6, "00000z"],
    [62, 6, "000010"],
    [62 * 62 - 1, 3, "0zz"],
    [62 ** 3, 4, "1000"],
    [0xffffffff, 6, "4gfFC3"],
  ])("toBase62Fixed(%d, %d) = %s", (value, length, expected) => {
    expect(toBase62Fixed(value, length)).toBe(expected);
  });

  it("always returns exactly `length` characters", () => {
    for (const n of [0, 5, 61, 62, 1234567, 2 ** 32 - 1]) {
      expect(toBase62Fixed(n, CHECKSUM_LENGTH)).toHaveLength(CHECKSUM_LENGTH);
    }
  });

  it("is injective on 32-bit values because 62^6 > 2^32", () => {
    expect(62 ** CHECKSUM_LENGTH).toBeGreaterThan(2 ** 32);
    expect(toBase62Fixed(2 ** 32 - 1, 6)).not.toBe(toBase62Fixed(2 ** 32 - 2, 6));
  });
});

describe("checksum", () => {
  it("is the CRC32 of the payload in 6 base62 characters (known answer)", () => {
    // CRC32("123456789") = 0xCBF43926, the standard check value.
    expect(checksum("123456789")).toBe(toBase62Fixed(0xcbf43926, 6));
    expect(checksum("123456789")).toBe("3jZRME");
  });

  it("is deterministic and sensitive to the payload", () => {
    expect(checksum("abc")).toBe(checksum("abc"));
    expect(checksum("abc")).not.toBe(checksum("abd"));
    expect(checksum("")).toBe("000000");
  });
});

describe("isKeyId", () => {
  it.each([KEY_ID, "dc_AAAAAAAAAAAAAAAA", "dc_zzzzzzzzzzzzzzzz"])("accepts %s", (id) => {
    expect(isKeyId(id)).toBe(true);
  });

  it.each([
    "",
    "dc_",
    "dc_0123456789abcde", // 15
    "dc_0123456789abcdef0", // 17
    "DC_0123456789abcdef",
    "xx_0123456789abcdef",
    "dc-0123456789abcdef",
    "dc_0123456789abcde_",
    "dc_0123456789abcde-",
    " dc_0123456789abcdef",
    "dc_0123456789abcdef ",
    "dc_0123456789abcdef\n",
    "dc_0123456789abcdé",
    "dc_0123456789abcd\u0000f",
    VALID_KEY,
  ])("rejects %j", (id) => {
    expect(isKeyId(id)).toBe(false);
  });
});

describe("parseApiKey", () => {
  it("parses the known-good fixture into keyId and secret", () => {
    expect(parseApiKey(VALID_KEY)).toEqual({ keyId: KEY_ID, secret: SECRET });
  });

  it("accepts a key built with checksum() for any random part", () => {
    const random = "x9".repeat(16) + "Q";
    const key = `${KEY_ID}.${random}${checksum(`${KEY_ID}.${random}`)}`;
    expect(parseApiKey(key)).toEqual({ keyId: KEY_ID, secret: key.slice(KEY_ID.length + 1) });
  });

  it("rejects a key whose checksum was computed over a different key id", () => {
    const random = "A".repeat(33);
    const otherId = "dc_fedcba9876543210";
    expect(parseApiKey(`${otherId}.${random}${checksum(`${KEY_ID}.${random}`)}`)).toBeNull();
  });

  it("rejects every single-character substitution anywhere in the key", () => {
    const alphabet = `${BASE62}._-`;
    let tried = 0;
    for (let i = 0; i < VALID_KEY.length; i++) {
      for (const c of alphabet) {
        if (c === VALID_KEY[i]) continue;
        const mutated = VALID_KEY.slice(0, i) + c + VALID_KEY.slice(i + 1);
        tried++;
        if (parseApiKey(mutated) !== null) throw new Error(`accepted mutation at ${i}: ${mutated}`);
      }
    }
    // Every character of the key is in the alphabet, so each position got alphabet.length - 1 substitutions.
    expect(tried).toBe(VALID_KEY.length * (alphabet.length - 1));
  });

  it.each([
    ["empty", ""],
    ["wrong prefix", `sk_${VALID_KEY.slice(3)}`],
    ["upper-case prefix", `DC_${VALID_KEY.slice(3)}`],
    ["missing dot", VALID_KEY.replace(".", "")],
    ["dot replaced by underscore", VALID_KEY.replace(".", "_")],
    ["key id only", KEY_ID],
    ["one char short", VALID_KEY.slice(0, -1)],
    ["one char too long", `${VALID_KEY}A`],
    ["leading space", ` ${VALID_KEY}`],
    ["trailing space", `${VALID_KEY} `],
    ["trailing newline", `${VALID_KEY}\n`],
    ["Bearer prefix", `Bearer ${VALID_KEY}`],
    ["last char replaced by newline", `${VALID_KEY.slice(0, -1)}\n`],
    ["NUL in the secret", `${VALID_KEY.slice(0, 30)}\u0000${VALID_KEY.slice(31)}`],
    ["trailing NUL", `${VALID_KEY}\u0000`],
    ["accented letter", `${VALID_KEY.slice(0, 25)}é${VALID_KEY.slice(26)}`],
    ["Cyrillic lookalike", VALID_KEY.replace("A", "\u0410")],
    ["full-width digit", VALID_KEY.replace("0", "\uff10")],
    ["secret body and key id swapped", `${SECRET}.${KEY_ID}`],
  ])("rejects %s", (_label, value) => {
    expect(parseApiKey(value)).toBeNull();
  });

  it("returns null (does not throw) for non-string input", () => {
    expect(parseApiKey(undefined as unknown as string)).toBeNull();
    expect(parseApiKey(null as unknown as string)).toBeNull();
    expect(parseApiKey(12345 as unknown as string)).toBeNull();
  });
});

describe("API_KEY_REGEX", () => {
  it("finds a key embedded in text", () => {
    const found = `token = "${VALID_KEY}";`.match(API_KEY_REGEX);
    expect(found?.[0]).toBe(VALID_KEY);
  });

  it("does not match when glued to other word characters", () => {
    expect(API_KEY_REGEX.test(`x${VALID_KEY}`)).toBe(false);
    expect(API_KEY_REGEX.test(`${VALID_KEY}A`)).toBe(false);
  });

  it("does not match a truncated key or a bare key id", () => {
    expect(API_KEY_REGEX.test(VALID_KEY.slice(0, -1))).toBe(false);
    expect(API_KEY_REGEX.test(KEY_ID)).toBe(false);
  });
});

describe("maskSecret", () => {
  it("shows five bullets and the last five characters only", () => {
    expect(maskSecret("Ti51x")).toBe("•••••Ti51x");
    expect(maskSecret(SECRET.slice(-5))).toBe(`•••••${SECRET.slice(-5)}`);
  });
});
