/**
 * The client's address comes from the socket. X-Forwarded-For is read only when the socket peer is a configured
 * trusted proxy (TRUSTED_PROXIES, CIDR list, empty by default), walking from the right past trusted hops, so a
 * client cannot spoof its way past an allow-list by sending the header itself. The front door (api-server/
 * front-door.ts) resolves it once and passes it to Next in CLIENT_IP_HEADER, which it overwrites on every request.
 */
import { compileAllowList, ipAllowed, parseAllowList, parseClientIp, type CompiledRange, type IpAddress } from "./ip";

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
): IpAddress | null {
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

export function formatIp(ip: IpAddress | null): string | null {
  if (!ip) return null;
  const known = texts.get(ip);
  if (known !== undefined) return known;
  const formatted = "toRFC5952String" in ip ? ip.toRFC5952String() : ip.toString();
  texts.set(ip, formatted);
  return formatted;
}

/** Set by the front door on every request to Next (never taken from the client). */
export const CLIENT_IP_HEADER = "x-dc-client-ip";

export function clientIpFrom(headers: Headers): string | null {
  const value = headers.get(CLIENT_IP_HEADER);
  return value && value.length <= 64 ? value : null;
}
