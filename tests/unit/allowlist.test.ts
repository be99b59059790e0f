import { describe, expect, it } from "vitest";
import { MAX_ALLOWED_IPS, canonicalizeEntry, parseAllowList } from "@/core/net/ip";

function ok(raw: string): string {
  const result = canonicalizeEntry(raw);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be valid, got: ${result.error}`);
  return result.value;
}

function err(raw: string): string {
  const result = canonicalizeEntry(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got: ${result.value}`);
  return result.error;
}

describe("canonicalizeEntry: accepted entries and their canonical form", () => {
  it.each([
    // IPv4
    ["1.2.3.4", "1.2.3.4"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    ["10.0.0.1/32", "10.0.0.1"],
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["192.168.1.0/24", "192.168.1.0/24"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    [" 1.2.3.4 ", "1.2.3.4"],
    ["\t1.2.3.4\r", "1.2.3.4"],
    // IPv6
    ["::1", "::1"],
    ["2001:DB8:0:0::1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:db8::1/128", "2001:db8::1"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:db8:abcd:12::/64", "2001:db8:abcd:12::/64"],
    ["::/0", "::/0"],
    // IPv4-mapped IPv6 becomes IPv4
    ["::ffff:10.0.0.1", "10.0.0.1"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["::ffff:0a00:0001", "10.0.0.1"],
    ["::ffff:10.0.0.1/128", "10.0.0.1"],
    ["::ffff:10.0.0.0/104", "10.0.0.0/8"],
    ["::ffff:0.0.0.0/96", "0.0.0.0/0"],
  ])("%j -> %j", (raw, expected) => {
    expect(ok(raw)).toBe(expected);
  });
});

describe("canonicalizeEntry: rejected entries", () => {
  it.each([
    "",
    "   ",
    "hello",
    "127.1",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "1.2.3.256",
    "1.2.3.-4",
    "+1.2.3.4",
    "0x7f.0.0.1",
    "1e2.0.0.1",
    "1.2.3.4/5/6",
    "10.0.0.0/",
    "/8",
    "10.0.0.0/ 8",
    "10.0.0.0/8.0",
    "fe80::1%eth0",
    "fe80::1%1",
    "1::2::3",
    ":::",
    "2001:db8::g",
    "1.2.3.4 5.6.7.8",
    "1.2.3.4,5.6.7.8",
    "１.2.3.4",
    "1.2.3.4\u0000",
    `${"1".repeat(60)}.1.1.1`,
  ])("rejects %j", (raw) => {
    expect(canonicalizeEntry(raw).ok).toBe(false);
  });

  it("the generic error names the offending (trimmed) text", () => {
    expect(err("  hello  ")).toContain("“hello”");
    expect(err("hello")).toMatch(/not a valid IPv4 or IPv6 address or CIDR range/);
  });

  it.each(["010.0.0.1", "10.0.0.01", "00.0.0.0", "192.168.001.1/24"])(
    "rejects leading zeros in %j and says why",
    (raw) => {
      expect(err(raw)).toMatch(/leading zeros/);
    },
  );

  it("rejects leading zeros in an IPv4-mapped address too", () => {
    // "::ffff:010.0.0.1" is as ambiguous as "010.0.0.1"; ipaddr.js reads it as 10.0.0.1.
    expect(canonicalizeEntry("::ffff:010.0.0.1").ok).toBe(false);
  });

  it.each([
    ["10.0.0.5/8", "10.0.0.0/8"],
    ["192.168.1.1/24", "192.168.1.0/24"],
    ["2001:db8::1/32", "2001:db8::/32"],
    ["::ffff:10.0.0.1/104", "10.0.0.0/8"],
  ])("rejects host bits in %j and suggests %j", (raw, suggestion) => {
    const message = err(raw);
    expect(message).toMatch(/host bits/);
    expect(message).toContain(`did you mean ${suggestion}?`);
  });

  it.each(["10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/08", "10.0.0.0/1000", "10.0.0.0/x", "10.0.0.0/+8"])(
    "rejects the IPv4 prefix in %j",
    (raw) => {
      expect(err(raw)).toMatch(/prefix length must be a whole number from 0 to 32/);
    },
  );

  it.each(["2001:db8::/129", "2001:db8::/032", "2001:db8::/-0"])("rejects the IPv6 prefix in %j", (raw) => {
    expect(err(raw)).toMatch(/from 0 to 128/);
  });

  it("rejects IPv4-mapped ranges shorter than /96", () => {
    expect(err("::ffff:0.0.0.0/95")).toMatch(/at least 96/);
  });
});

describe("parseAllowList", () => {
  it("returns an empty list for empty or blank text", () => {
    expect(parseAllowList("")).toEqual({ ok: true, entries: [] });
    expect(parseAllowList("\n  \n\t\n")).toEqual({ ok: true, entries: [] });
  });

  it("canonicalizes each line, ignores blank lines, keeps order and handles CRLF", () => {
    expect(parseAllowList("10.0.0.1\r\n\r\n  2001:DB8::1  \n\n192.168.0.0/16\n")).toEqual({
      ok: true,
      entries: ["10.0.0.1", "2001:db8::1", "192.168.0.0/16"],
    });
  });

  it("collapses duplicates, including different spellings of the same entry", () => {
    const result = parseAllowList("10.0.0.1\n10.0.0.1/32\n::ffff:10.0.0.1\n 10.0.0.1\n2001:db8::1\n2001:DB8:0::1");
    expect(result).toEqual({ ok: true, entries: ["10.0.0.1", "2001:db8::1"] });
  });

  it("prefixes errors with 1-based line numbers that count blank lines", () => {
    const result = parseAllowList("1.2.3.4\nnope\n\n\n010.0.0.1\n10.0.0.0/8\n10.0.0.5/8");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    expect(result.errors[0]).toMatch(/^Line 2: /);
    expect(result.errors[0]).toContain("“nope”");
    expect(result.errors[1]).toMatch(/^Line 5: .*leading zeros/);
    expect(result.errors[2]).toMatch(/^Line 7: .*did you mean 10\.0\.0\.0\/8\?/);
  });

  it("counts CRLF lines correctly", () => {
    const result = parseAllowList("1.2.3.4\r\n\r\nbad");
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^Line 3: /)] });
  });

  it(`accepts exactly ${MAX_ALLOWED_IPS} entries and rejects ${MAX_ALLOWED_IPS + 1}`, () => {
    expect(MAX_ALLOWED_IPS).toBe(100);
    const ips = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);
    const hundred = parseAllowList(ips(100).join("\n"));
    expect(hundred.ok && hundred.entries.length).toBe(100);
    const tooMany = parseAllowList(ips(101).join("\n"));
    expect(tooMany).toEqual({ ok: false, errors: ["At most 100 entries are allowed"] });
  });

  it("applies the limit after duplicates collapse", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `10.1.0.${i}`);
    const result = parseAllowList([...lines, ...lines.slice(0, 50)].join("\n"));
    expect(result.ok && result.entries.length).toBe(100);
  });
});
