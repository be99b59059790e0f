/** An audit event as the dashboard shows it. */
export type AuditEventDto = {
  id: string;
  action: string;
  actorEmail: string | null;
  targetLabel: string | null;
  ip: string | null;
  createdAt: Date;
  details: unknown;
};
