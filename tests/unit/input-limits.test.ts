/**
 * Every array and string a client can send has a size limit (zod GHSA-mrhx-c7xc-m3w5), and IPv4 written inside
 * IPv6 follows one rule everywhere: only ::ffff:a.b.c.d is IPv4; ::a.b.c.d is IPv6 (refused in allow-lists);
 * leading zeros are refused for client addresses as for allow-list entries (whitequark/ipaddr.js#213).
 */
import { describe, expect, it } from "vitest";
import { verifyRequestSchema } from "@/core/api-contract/schemas";
import { canonicalizeEntry, compileAllowList, ipAllowed, parseClientIp } from "@/core/net/ip";
import { createApiKeySchema, deleteApiKeySchema, emptyApiKeyForm } from "@/modules/api-keys/schema";
import { loginSchema } from "@/modules/auth/schema";
import { changePasswordSchema } from "@/modules/profile/schema";

const huge = "x".repeat(100_000);

describe("size limits on client input", () => {
  it.each([
    ["scopes (10,000 entries)", () => createApiKeySchema.safeParse({ ...emptyApiKeyForm, name: "k", scopes: Array(10_000).fill("subscribers") }), "scopes"],
    ["permissions (10,000 entries)", () => createApiKeySchema.safeParse({ ...emptyApiKeyForm, name: "k", scopes: ["subscribers"], permissions: Array(10_000).fill("archive_ready_to_receive") }), "permissions"],
    ["IP lines (100 KB)", () => createApiKeySchema.safeParse({ ...emptyApiKeyForm, name: "k", scopes: ["subscribers"], allowedIps: huge }), "allowedIps"],
    ["expiry text (100 KB)", () => createApiKeySchema.safeParse({ ...emptyApiKeyForm, name: "k", scopes: ["subscribers"], expiresOn: huge }), "expiresOn"],
    ["delete confirmation (100 KB)", () => deleteApiKeySchema.safeParse({ id: "x", confirmName: huge }), "confirmName"],
    ["verify requiredScopes (10,000 entries)", () => verifyRequestSchema.safeParse({ key: "k", requiredScopes: Array(10_000).fill("a") }), "requiredScopes"],
    ["login password (100 KB)", () => loginSchema.safeParse({ email: "a@b.example", password: huge }), "password"],
    ["current password (100 KB)", () => changePasswordSchema.safeParse({ currentPassword: huge, newPassword: "abcdefg1", confirmPassword: "abcdefg1" }), "currentPassword"],
  ])("%s is refused with a field error", (_label, parse, field) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("IPv4 inside IPv6", () => {
  const v4range = compileAllowList(["203.0.113.0/24"]);
  it.each([
    ["::ffff:203.0.113.5", "203.0.113.5", true],
    ["::203.0.113.5", "::cb00:7105", false],
    ["0:0:0:0:0:0:203.0.113.5", "::cb00:7105", false],
    ["64:ff9b::203.0.113.5", "64:ff9b::cb00:7105", false],
  ])("client address %s is %s (allowed by 203.0.113.0/24: %s)", (text, canonical, allowed) => {
    const ip = parseClientIp(text);
    expect(ip && ("toRFC5952String" in ip ? ip.toRFC5952String() : ip.toString())).toBe(canonical);
    expect(ipAllowed(ip, v4range, 1)).toBe(allowed);
  });

  it.each(["0177.0.0.1", "::ffff:0177.0.0.1", "::ffff:010.0.0.1", "127.1", "::ffff:127.1"])("client address %s is refused (null: deny)", (text) => {
    expect(parseClientIp(text)).toBeNull();
    expect(ipAllowed(parseClientIp(text), compileAllowList(["127.0.0.0/8", "177.0.0.0/8", "8.0.0.0/8", "10.0.0.0/8"]), 4)).toBe(false);
  });

  it.each(["::203.0.113.5", "0:0:0:0:0:0:203.0.113.5", "::203.0.113.0/120"])("allow-list entry %s is refused with a hint", (text) => {
    const result = canonicalizeEntry(text);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("obsolete IPv4-compatible address: write 203.0.113.") });
  });

  it("::ffff:203.0.113.0/120 is still the IPv4 range 203.0.113.0/24", () => {
    expect(canonicalizeEntry("::ffff:203.0.113.0/120")).toEqual({ ok: true, value: "203.0.113.0/24" });
  });
});

describe("allow-list lines", () => {
  it("a comma or semicolon on a line says: one address or range per line", async () => {
    const { parseAllowList } = await import("@/core/net/ip");
    expect(parseAllowList("203.0.113.5, 198.51.100.7\n10.0.0.0/8\n192.0.2.1;192.0.2.2")).toEqual({
      ok: false,
      errors: ["Line 1: one address or range per line (this line has a comma)", "Line 3: one address or range per line (this line has a semicolon)"],
    });
  });
});
