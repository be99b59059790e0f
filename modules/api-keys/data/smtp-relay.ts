/**
 * Where applications send mail with an `smtp`-scoped key, from configuration: SMTP_RELAY_HOST (default: the host
 * name this dashboard is served under) and SMTP_RELAY_PORTS (default "587,465"). Port 465 is implicit TLS; any
 * other port requires STARTTLS. The login is the key id (username) and the whole key (password).
 */
import "server-only";

export type SmtpPort = { port: number; tls: string };
export type SmtpRelay = { host: string; ports: SmtpPort[] };

const DEFAULT_PORTS = "587,465";

export function smtpRelayConfig(requestHost: string, env: Record<string, string | undefined> = process.env): SmtpRelay {
  const host = env.SMTP_RELAY_HOST?.trim() || requestHost.replace(/:\d+$/, "");
  const ports = (env.SMTP_RELAY_PORTS?.trim() || DEFAULT_PORTS)
    .split(",")
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0 && p < 65_536);
  return {
    host,
    ports: (ports.length ? ports : [587, 465]).map((port) => ({ port, tls: port === 465 ? "TLS from the first byte (implicit TLS)" : "STARTTLS (required)" })),
  };
}
