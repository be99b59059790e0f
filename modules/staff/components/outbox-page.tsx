/**
 * Staff › Outbox: the 50 newest emails (or those to an address), their status and text. Without SMTP_URL this is
 * where the demo's emails can be read; links in them work once, like the delivered ones.
 */
import { inputClass } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireStaff } from "@/lib/auth/staff";
import { requestNow } from "@/lib/request-time";
import { listOutbox } from "../data/outbox";

const STATUS: Record<string, string> = { pending: "Waiting", sending: "Sending", sent: "Sent", failed: "Failed" };

export async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  const staff = await requireStaff();
  const raw = (await searchParams).to;
  const to = ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim().slice(0, 254);
  const emails = await listOutbox(staff, to);
  const now = requestNow();
  return (
    <section aria-labelledby="outbox-title" className="space-y-4">
      <div>
        <h1 id="outbox-title" className="text-2xl font-semibold">Outbox</h1>
        <p className="mt-1 text-sm text-slate-700">
          {process.env.SMTP_URL ? "Emails are delivered over SMTP_URL; failures are retried with backoff." : "SMTP_URL is not set: emails wait here and are not delivered."}
        </p>
      </div>
      <form method="get" role="search" aria-label="Filter emails" className="flex max-w-md gap-2">
        <label htmlFor="outbox-to" className="sr-only">Recipient</label>
        <input id="outbox-to" name="to" defaultValue={to} placeholder="Recipient, e.g. dev@example.com" className={inputClass} />
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white">Filter</button>
      </form>
      {emails.length === 0 ? <p className="text-sm text-slate-700">No emails{to ? ` to “${to}”` : ""}.</p> : null}
      <ul className="space-y-3">
        {emails.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-surface p-4">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">{e.subject}</span>
                <span className="block text-xs text-slate-600 sm:inline sm:before:content-['_·_']">
                  to {e.to} · <RelativeTime value={e.createdAt} now={now} /> · {STATUS[e.status] ?? e.status}
                  {e.attempts > 1 ? ` after ${e.attempts} attempts` : ""}
                </span>
              </summary>
              {e.lastError ? <p className="mt-2 text-xs text-red-700">Last error: {e.lastError}</p> : null}
              <pre className="mt-3 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-xs">{e.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
