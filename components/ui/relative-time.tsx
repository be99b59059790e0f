/**
 * "5 min ago" with the exact UTC time in a tooltip (title) and in the <time> element's dateTime. Rendered on the
 * server relative to the request time; a fixed locale keeps server and browser output identical.
 */
import { formatDateTime } from "./format";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

export function relativeTime(value: Date | string, now = Date.now()): string {
  const diff = new Date(value).getTime() - now;
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  return "just now";
}

export function RelativeTime({ value, now }: { value: Date | string; now?: number }) {
  const exact = formatDateTime(value);
  return (
    <time dateTime={new Date(value).toISOString()} title={exact}>
      {relativeTime(value, now)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}
