/**
 * The latest audit events as the page shows them. A client component fed display-ready rows: the RSC payload
 * then carries each event's few strings once, rather than the whole rendered list a server component would add
 * to it next to the HTML.
 */
"use client";

/** One event, labelled and formatted on the server (recent-activity.tsx). */
export type ActivityRow = {
  id: string;
  actor: string;
  action: string;
  keyName: string | null;
  /** What an edit changed ("changed name and scopes"), or null. */
  changes: string | null;
  targetLabel: string | null;
  when: string;
  ip: string | null;
};

export function ActivityList({ events }: { events: ActivityRow[] }) {
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
                <span className="font-medium">{event.actor}</span> {event.action}{" "}
                {event.keyName ? <span className="font-medium">“{event.keyName}”</span> : null}
                {event.changes ? <span className="text-slate-700">: {event.changes}</span> : null}{" "}
                {event.targetLabel ? <code className="text-xs text-slate-600">{event.targetLabel}</code> : null}
              </span>
              <span className="text-xs text-slate-600">
                {event.when}
                {event.ip ? ` · ${event.ip}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
