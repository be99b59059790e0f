/**
 * The one strict IP parser and matcher, used for allow-list input, TRUSTED_PROXIES, client addresses and
 * matching. ipaddr.js alone is too lenient for a security control (it reads `010.0.0.1` as octal and accepts
 * `127.1`), so IPv4 must be four plain decimal parts, also inside IPv6 (`::ffff:10.0.0.1`).
 * Canonical forms: IPv4 dotted quad, IPv6 RFC 5952 (lower case, compressed), IPv4-mapped IPv6 as IPv4,
 * single hosts without a prefix, ranges as network/prefix with no host bits set. Anything unparseable denies.
 */
import ipaddr from "ipaddr.js";

export const MAX_ALLOWED_IPS = 100;

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
export type EntryResult = { ok: true; value: string } | { ok: false; error: string };
type Parsed = IpAddress | "octal" | null;

const IPV4_PART = /^(0|[1-9]\d{0,2})$/;
const PREFIX = /^(0|[1-9]\d{0,2})$/;

function parseIpv4(text: string): ipaddr.IPv4 | "octal" | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  if (parts.some((p) => /^0\d+$/.test(p))) return "octal";
  if (!parts.every((p) => IPV4_PART.test(p) && Number(p) <= 255)) return null;
  return ipaddr.IPv4.parse(text);
}

function parseIpv6(text: string): ipaddr.IPv6 | "octal" | null {
  if (text.includes("%") || !ipaddr.IPv6.isValid(text)) return null;
  if (!text.includes(".")) return ipaddr.IPv6.parse(text);
  // An embedded IPv4 tail (::ffff:10.0.0.1) is held to the same plain-decimal rule as a bare IPv4 address, and
  // rewritten as two hex groups before parsing: ipaddr.js reads every `::a.b.c.d` as IPv4-mapped, but only
  // `::ffff:a.b.c.d` is; `::a.b.c.d` (deprecated "IPv4-compatible") and `64:ff9b::a.b.c.d` stay IPv6.
  const colon = text.lastIndexOf(":");
  const tail = parseIpv4(text.slice(colon + 1));
  if (tail === "octal" || tail === null) return tail;
  const [a, b, c, d] = tail.octets;
  const hex = `${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  return ipaddr.IPv6.parse(`${text.slice(0, colon + 1)}${hex}`);
}

/** `::a.b.c.d` without ffff: almost always a typo for the IPv4 address, and never what a client connects from. */
function isIpv4Compatible(text: string): boolean {
  return /^::(\d+\.){3}\d+$/.test(text) || /^(0{1,4}:){1,6}:?(\d+\.){3}\d+$/.test(text.replace(/^::/, "0::"));
}

/** Strict parse of one address (no prefix). */
export function parseAddress(text: string): Parsed {
  return text.includes(":") ? parseIpv6(text) : parseIpv4(text);
}

function isMapped(addr: IpAddress): addr is ipaddr.IPv6 {
  return addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress();
}

function hostText(addr: IpAddress): string {
  return addr.kind() === "ipv4" ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
}

export function canonicalizeEntry(raw: string): EntryResult {
  const text = raw.trim();
  const invalid: EntryResult = { ok: false, error: `“${text}” is not a valid IPv4 or IPv6 address or CIDR range` };
  if (text === "" || text.length > 64) return invalid;
  const [addrText = "", prefixText, extra] = text.split("/");
  if (extra !== undefined) return invalid;

  const parsed = parseAddress(addrText);
  if (parsed === "octal") return { ok: false, error: `“${text}”: leading zeros are not allowed (they can mean octal)` };
  if (parsed && isIpv4Compatible(addrText)) {
    const v4 = addrText.slice(addrText.lastIndexOf(":") + 1);
    return { ok: false, error: `“${text}” is an obsolete IPv4-compatible address: write ${v4} (or ::ffff:${v4})` };
  }
  if (!parsed) return invalid;
  let addr: IpAddress = parsed;

  let bits = addr.kind() === "ipv4" ? 32 : 128;
  if (prefixText !== undefined) {
    if (!PREFIX.test(prefixText) || Number(prefixText) > bits) {
      return { ok: false, error: `“${text}”: the prefix length must be a whole number from 0 to ${bits}` };
    }
    bits = Number(prefixText);
  }

  if (isMapped(addr)) {
    if (bits < 96) return { ok: false, error: `“${text}”: an IPv4-mapped range needs a prefix of at least 96` };
    addr = addr.toIPv4Address();
    bits -= 96;
  }

  const full = addr.kind() === "ipv4" ? 32 : 128;
  const host = hostText(addr);
  if (bits === full) return { ok: true, value: host };

  const network =
    addr.kind() === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(`${host}/${bits}`).toString()
      : ipaddr.IPv6.networkAddressFromCIDR(`${host}/${bits}`).toRFC5952String();
  if (network !== host) {
    return { ok: false, error: `“${text}” has host bits set: did you mean ${network}/${bits}?` };
  }
  return { ok: true, value: `${network}/${bits}` };
}

export type AllowListResult = { ok: true; entries: string[] } | { ok: false; errors: string[] };

/** One entry per line; blank lines are ignored, duplicates collapse to one. */
export function parseAllowList(text: string): AllowListResult {
  const lines = text.split(/\r?\n/);
  const entries: string[] = [];
  const errors: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    if (/[,;]/.test(line)) {
      errors.push(`Line ${i + 1}: one address or range per line (this line has a ${line.includes(",") ? "comma" : "semicolon"})`);
      return;
    }
    const result = canonicalizeEntry(line);
    if (result.ok) {
      if (!entries.includes(result.value)) entries.push(result.value);
    } else {
      errors.push(`Line ${i + 1}: ${result.error}`);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  if (entries.length > MAX_ALLOWED_IPS) return { ok: false, errors: [`At most ${MAX_ALLOWED_IPS} entries are allowed`] };
  return { ok: true, entries };
}

/** A canonical allow-list entry, compiled once (per cached key) for matching. */
export type CompiledRange = { kind: "ipv4" | "ipv6"; addr: IpAddress; bits: number };

export function compileAllowList(entries: string[]): CompiledRange[] {
  const out: CompiledRange[] = [];
  for (const entry of entries) {
    const [addrText = "", prefixText] = entry.split("/");
    const addr = parseAddress(addrText);
    // A corrupt entry matches nothing: it can only narrow access, never widen it.
    if (!addr || addr === "octal") continue;
    out.push({ kind: addr.kind(), addr, bits: prefixText === undefined ? (addr.kind() === "ipv4" ? 32 : 128) : Number(prefixText) });
  }
  return out;
}

const recent = new Map<string, IpAddress | null>();

/**
 * A client address (socket or X-Forwarded-For hop) by the same strict rules; IPv4-mapped IPv6 becomes IPv4.
 * Returns null when unusable. Socket addresses repeat, so results are memoised (cleared past 10,000 entries).
 */
export function parseClientIp(text: string | null | undefined): IpAddress | null {
  if (!text || text.length > 64) return null;
  const known = recent.get(text);
  if (known !== undefined) return known;
  const parsed = parseAddress(text.trim());
  const value = !parsed || parsed === "octal" ? null : isMapped(parsed) ? parsed.toIPv4Address() : parsed;
  if (recent.size >= 10_000) recent.clear();
  recent.set(text, value);
  return value;
}

export function ipAllowed(ip: IpAddress | null, ranges: CompiledRange[], entries: number): boolean {
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
