/** Open invitations: who, as what, by whom, when sent and until when; resend (a new link) or revoke. */
"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { RowMenu } from "@/components/ui/row-menu";
import { roleLabel, type InvitationDto } from "../types";

type Props = { invitations: InvitationDto[]; now: number; onAction: (a: "resend" | "revoke", i: InvitationDto) => void };

export function InvitationsTable({ invitations, now, onAction }: Props) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Pending invitations</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-3">Email</th>
            <th scope="col" className="hidden px-3 py-3 sm:table-cell">Role</th>
            <th scope="col" className="hidden px-3 py-3 sm:table-cell">Invited by</th>
            <th scope="col" className="px-3 py-3">Expires</th>
            <th scope="col" className="px-3 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="max-w-48 px-3 py-2 text-left font-medium sm:max-w-64">
                <span className="block truncate" title={i.email}>{i.email}</span>
                <span className="block text-xs font-normal text-slate-600 sm:hidden">{roleLabel(i.role)}</span>
              </th>
              <td className="hidden px-3 py-2 sm:table-cell">{roleLabel(i.role)}</td>
              <td className="hidden max-w-48 truncate px-3 py-2 text-xs sm:table-cell">
                {i.invitedBy ?? "—"} · <RelativeTime value={i.createdAt} now={now} />
              </td>
              <td className="px-3 py-2 text-xs">
                {i.expired ? <span className="font-medium text-amber-800">Expired</span> : <RelativeTime value={i.expiresAt} now={now} />}
              </td>
              <td className="px-3 py-2 text-right">
                <RowMenu
                  label={`Actions for the invitation of ${i.email}`}
                  items={[
                    { label: i.expired ? "Send a new invitation" : "Resend invitation", onSelect: () => onAction("resend", i) },
                    { label: "Revoke invitation", danger: true, onSelect: () => onAction("revoke", i) },
                  ]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
