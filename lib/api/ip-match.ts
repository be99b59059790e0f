import ipaddr from "ipaddr.js";

/**
 * Matching a client address against a key's allow-list. Entries were canonicalised when saved
 * (lib/ip/allowlist.ts); here they are compiled once per cached key. Anything that fails to parse denies.
 */
export type CompiledRange = { kind: "ipv4" | "ipv6"; addr: ipaddr.IPv4 | ipaddr.IPv6; bits: number };

export function compileAllowList(entries: string[]): CompiledRange[] {
  const out: CompiledRange[] = [];
  for (const entry of entries) {
    try {
      const [addr, bits] = entry.includes("/") ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), entry.includes(":") ? 128 : 32];
      out.push({ kind: addr.kind(), addr, bits });
    } catch {
      // A corrupt entry matches nothing: it can only narrow access, never widen it.
    }
  }
  return out;
}

const recent = new Map<string, ipaddr.IPv4 | ipaddr.IPv6 | null>();

/**
 * Strict parse of a client address; IPv4-mapped IPv6 becomes IPv4. Returns null when unusable. Socket
 * addresses repeat, so results are memoised in a small map (cleared when it grows past 10,000 entries).
 */
export function parseClientIp(text: string | null | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!text || text.length > 64) return null;
  const known = recent.get(text);
  if (known !== undefined) return known;
  const parsed = parseUncached(text);
  if (recent.size >= 10_000) recent.clear();
  recent.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const value = text.trim();
  try {
    if (value.includes(":")) {
      if (!ipaddr.IPv6.isValid(value) || value.includes("%")) return null;
      const v6 = ipaddr.IPv6.parse(value);
      return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
    }
    if (!ipaddr.IPv4.isValidFourPartDecimal(value) || /(^|\.)0\d/.test(value)) return null;
    return ipaddr.IPv4.parse(value);
  } catch {
    return null;
  }
}

export function ipAllowed(ip: ipaddr.IPv4 | ipaddr.IPv6 | null, ranges: CompiledRange[], entries: number): boolean {
  if (entries === 0) return true; // no allow-list: any address
  if (!ip) return false;
  for (const range of ranges) {
    if (range.kind !== ip.kind()) continue;
    try {
      if (ip.match(range.addr, range.bits)) return true;
    } catch {
      return false;
    }
  }
  return false;
}
