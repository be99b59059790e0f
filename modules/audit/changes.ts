/** What an audit event says changed, in words; pure, so unit tests and any page can use it. */

/** Field names an edit records in details.changed, as people say them. */
const FIELD_LABELS: Record<string, string> = {
  name: "name",
  description: "description",
  scopes: "scopes",
  permissions: "permissions",
  allowedIps: "allowed IPs",
  expiresAt: "expiry date",
  defaultMailingId: "default mailing",
};

/** "changed name and scopes" for an event whose details list the changed fields; null for any other event. */
export function describeChanges(details: unknown): string | null {
  const changed = (details as { changed?: unknown } | null)?.changed;
  if (!Array.isArray(changed)) return null;
  const labels = changed.filter((c): c is string => typeof c === "string").map((c) => FIELD_LABELS[c] ?? c);
  if (labels.length === 0) return "nothing changed";
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
  return `changed ${list}`;
}
