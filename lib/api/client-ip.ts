import type ipaddr from "ipaddr.js";
import { compileAllowList, ipAllowed, parseClientIp, type CompiledRange } from "./ip-match";
import { parseAllowList } from "@/lib/ip/allowlist";

/**
 * The client's address comes from the socket. X-Forwarded-For is read only when the socket peer is a configured
 * trusted proxy (TRUSTED_PROXIES, CIDR list, empty by default), walking from the right past trusted hops, so a
 * client cannot spoof its way past an allow-list by sending the header itself.
 */
export type TrustedProxies = { ranges: CompiledRange[]; count: number };

export function parseTrustedProxies(text = process.env.TRUSTED_PROXIES ?? ""): TrustedProxies {
  const result = parseAllowList(text.split(",").join("\n"));
  if (!result.ok) throw new Error(`TRUSTED_PROXIES: ${result.errors.join("; ")}`);
  return { ranges: compileAllowList(result.entries), count: result.entries.length };
}

export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let ip = parseClientIp(socketAddress);
  if (trusted.count === 0 || forwardedFor === undefined) return ip;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  for (let i = hops.length - 1; i >= 0 && ip && ipAllowed(ip, trusted.ranges, trusted.count); i--) {
    // A malformed hop means we cannot tell who the client is: deny rather than guess.
    ip = parseClientIp(hops[i]);
  }
  return ip;
}

const texts = new WeakMap<object, string>();

export function formatIp(ip: ipaddr.IPv4 | ipaddr.IPv6 | null): string | null {
  if (!ip) return null;
  let text = texts.get(ip);
  if (text === undefined) {
    text = ip.kind() === "ipv6" ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
    texts.set(ip, text);
  }
  return text;
}
