/** The Integrations page's two lists: this account's developer-account requests, and its linked developer accounts. */
import { formatDateTime } from "@/components/ui/format";
import { USE_CASE_LABELS } from "../schema";
import type { DeveloperRequestDto, LinkedAccountDto } from "../types";
import { SwitchButton } from "./switch-button";

const STATUS = { unconfirmed: "Email not confirmed", pending: "Waiting for staff", approved: "Approved", declined: "Declined" } as const;
const th = "px-3 py-3";

export function RequestsTable({ requests }: { requests: DeveloperRequestDto[] }) {
  if (requests.length === 0) return <p className="text-sm text-slate-700">No requests yet.</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Developer account requests</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr><th scope="col" className={th}>Company</th><th scope="col" className={th}>Use case</th><th scope="col" className={th}>Requested</th><th scope="col" className={th}>Status</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">{r.company}</th>
              <td className="px-3 py-2">{USE_CASE_LABELS[r.useCase].split(" — ")[0]}</td>
              <td className="px-3 py-2">{formatDateTime(r.createdAt)}{r.requestedBy ? <span className="block text-xs text-slate-600">by {r.requestedBy}</span> : null}</td>
              <td className="px-3 py-2">
                {STATUS[r.status]}
                {r.decisionReason ? <span className="block text-xs text-slate-700">{r.status === "declined" ? "Reason: " : "Note: "}{r.decisionReason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LinkedAccountsTable({ accounts }: { accounts: LinkedAccountDto[] }) {
  if (accounts.length === 0) return <p className="text-sm text-slate-700">No developer accounts are linked to this account yet.</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Linked developer accounts</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr><th scope="col" className={th}>Name</th><th scope="col" className={th}>Number</th><th scope="col" className={th}>Created</th><th scope="col" className={th}>Owner</th><th scope="col" className={th}><span className="sr-only">Actions</span></th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">{a.name}</th>
              <td className="px-3 py-2 font-mono text-xs">{a.number}</td>
              <td className="px-3 py-2">{formatDateTime(a.createdAt)}</td>
              <td className="px-3 py-2">{a.owners.join(", ") || "—"}</td>
              <td className="px-3 py-2 text-right">{a.canSwitch ? <SwitchButton accountId={a.id} name={a.name} /> : <span className="text-xs text-slate-600">Not a member</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
