/** Fixed locale and time zone: the server's and the browser's renderings must be identical. */
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDateTime(value: Date | string): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

export function formatDate(value: Date | string): string {
  return dateOnly.format(new Date(value));
}

/** yyyy-mm-dd for <input type="date">, in UTC like the expiry it edits. */
export function toDateInput(value: Date | string | null): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}
