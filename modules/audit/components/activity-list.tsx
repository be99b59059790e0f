/** The latest audit events, labelled by the features that write them (modules/features.ts). */
import { AUDIT_LABELS } from "@/modules/features";
import type { AuditEventDto } from "../types";
import { formatDateTime } from "@/components/ui/format";

function keyName(details: unknown): string | null {
  const name = (details as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : null;
}

export function ActivityList({ events }: { events: AuditEventDto[] }) {
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title" className="text-lg font-semibold">
        Activity
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No activity yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" aria-label="Latest events">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <span>
                <span className="font-medium">{event.actorEmail ?? "System"}</span>{" "}
                {AUDIT_LABELS[event.action] ?? event.action}{" "}
                {keyName(event.details) ? <span className="font-medium">“{keyName(event.details)}”</span> : null}{" "}
                {event.targetLabel ? <code className="text-xs text-slate-500">{event.targetLabel}</code> : null}
              </span>
              <span className="text-xs text-slate-500">
                {formatDateTime(event.createdAt)}
                {event.ip ? ` · ${event.ip}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
