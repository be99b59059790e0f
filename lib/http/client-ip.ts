/**
 * The custom server (server.ts) overwrites this header with the socket's address on every request, so a
 * client cannot set it. Without the custom server (e.g. `next dev`) it is absent and the IP is unknown.
 */
export const CLIENT_IP_HEADER = "x-dc-client-ip";

export function clientIpFrom(headers: Headers): string | null {
  const value = headers.get(CLIENT_IP_HEADER);
  return value && value.length <= 64 ? value : null;
}
