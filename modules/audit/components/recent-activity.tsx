/**
 * Server component other features embed: the account's latest events, shown only to roles that may read them,
 * labelled by the features that write them (modules/features.ts) and formatted here, once.
 */
import type { ActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { AUDIT_LABELS } from "@/modules/features";
import { formatDateTime } from "@/components/ui/format";
import { listAuditEvents } from "../data/queries";
import type { AuditEventDto } from "../types";
import { ActivityList, type ActivityRow } from "./activity-list";
import { describeChanges } from "../changes";

function keyName(details: unknown): string | null {
  const name = (details as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : null;
}

function toRow(event: AuditEventDto): ActivityRow {
  return {
    id: event.id,
    actor: event.actorEmail ?? "System",
    action: AUDIT_LABELS[event.action] ?? event.action,
    keyName: keyName(event.details),
    changes: describeChanges(event.details),
    targetLabel: event.targetLabel,
    when: formatDateTime(event.createdAt),
    ip: event.ip,
  };
}

export async function RecentActivity({ ctx, limit = 20 }: { ctx: ActorContext; limit?: number }) {
  const events = can(ctx.role, "audit.view") ? await listAuditEvents(ctx, limit) : [];
  return <ActivityList events={events.map(toRow)} />;
}
