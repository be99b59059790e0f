/** Staff › Requests: everything that needs a person, filtered by type and status (URL parameters). */
import Link from "next/link";
import { requireStaff } from "@/lib/auth/staff";
import { requestNow } from "@/lib/request-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { inputClass } from "@/components/ui/field";
import { listRequests } from "../data/requests";
import { STAFF_REQUESTS_PATH } from "../nav";
import { REQUEST_STATUSES, REQUEST_TYPES, requestFilterSchema } from "../schema";
import { STATUS_LABELS, STATUS_STYLES, TYPE_LABELS } from "./labels";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function RequestsPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const filter = requestFilterSchema.parse(await searchParams);
  const requests = await listRequests(staff, filter);
  const now = requestNow();
  return (
    <section aria-labelledby="requests-title" className="space-y-4">
      <h1 id="requests-title" className="text-2xl font-semibold">Requests</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter requests">
        <label className="space-y-1">
          <span className="block font-medium">Type</span>
          <select name="type" defaultValue={filter.type ?? ""} className={inputClass}>
            <option value="">All types</option>
            {REQUEST_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Status</span>
          <select name="status" defaultValue={filter.status ?? ""} className={inputClass}>
            <option value="">All statuses</option>
            {REQUEST_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 font-medium text-white">Filter</button>
      </form>
      {requests.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-surface p-8 text-center text-sm text-slate-700">No requests match.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Requests</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-3">Type</th>
                <th scope="col" className="px-3 py-3">Account</th>
                <th scope="col" className="px-3 py-3">Requested by</th>
                <th scope="col" className="px-3 py-3">When</th>
                <th scope="col" className="px-3 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`${STAFF_REQUESTS_PATH}/${r.id}`} className="text-brand-700 underline">{TYPE_LABELS[r.type]}</Link>
                  </th>
                  <td className="px-3 py-2">{r.account ? <>{r.account.name} <span className="font-mono text-xs text-slate-600">{r.account.number}</span></> : "—"}</td>
                  <td className="px-3 py-2">{r.requestedBy ?? "—"}</td>
                  <td className="px-3 py-2 text-xs"><RelativeTime value={r.createdAt} now={now} /></td>
                  <td className="px-3 py-2">
                    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[r.status]}`}>{STATUS_LABELS[r.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
