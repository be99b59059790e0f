/** What a key may be allowed to do. Shared by the form (labels) and the server (validation). */
export const SCOPES = ["subscribers", "articles", "campaigns", "statistics", "smtp", "keys:verify"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  subscribers: "Subscribers",
  articles: "Articles",
  campaigns: "Campaigns",
  statistics: "Statistics",
  smtp: "SMTP relay",
  "keys:verify": "Verify keys (keys:verify)",
};

/** mail2many's advanced permissions. */
export const PERMISSIONS = [
  "reactivate_archived_unsubscribed",
  "reactivate_archived_manual",
  "reactivate_archived_spam_complaint",
  "archive_ready_to_receive",
  "allow_unknown_subscribers_trigger",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  reactivate_archived_unsubscribed: "Reactivate subscribers “archived, unsubscribed”",
  reactivate_archived_manual: "Reactivate subscribers “archived, manual”",
  reactivate_archived_spam_complaint: "Reactivate subscribers “archived, spam complaint”",
  archive_ready_to_receive: "Archive subscribers that are ready to receive",
  allow_unknown_subscribers_trigger: "Allow unknown subscribers for trigger mailings",
};

export const ROTATION_GRACE = {
  now: { label: "Immediately", ms: 0 },
  "1h": { label: "In 1 hour", ms: 60 * 60 * 1000 },
  "24h": { label: "In 24 hours", ms: 24 * 60 * 60 * 1000 },
  "7d": { label: "In 7 days", ms: 7 * 24 * 60 * 60 * 1000 },
} as const;
export type RotationGrace = keyof typeof ROTATION_GRACE;
export const ROTATION_GRACE_OPTIONS = Object.keys(ROTATION_GRACE) as RotationGrace[];
