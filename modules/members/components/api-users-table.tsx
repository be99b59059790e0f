/** API users: username (copyable), description, status, last used (and from where), created; owner-only actions. */
"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowMenu } from "@/components/ui/row-menu";
import type { ApiUserDto } from "../types";

export type ApiUserAction = "edit" | "toggle" | "delete";
type Props = { users: ApiUserDto[]; canManage: boolean; now: number; onAction: (a: ApiUserAction, u: ApiUserDto) => void };

export function ApiUsersTable({ users, canManage, now, onAction }: Props) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API users</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-3">Username</th>
            <th scope="col" className="px-3 py-3">Status</th>
            <th scope="col" className="hidden px-3 py-3 sm:table-cell">Last used</th>
            <th scope="col" className="hidden px-3 py-3 md:table-cell">Created</th>
            {canManage ? <th scope="col" className="px-3 py-3"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="flex items-center gap-2">
                  <code className="break-all font-mono text-xs">{u.username}</code>
                  <CopyButton text={u.username} label={`Copy username ${u.username}`} />
                </span>
                <span className="block max-w-72 truncate text-xs text-slate-600" title={u.description}>{u.description}</span>
              </th>
              <td className="px-3 py-2">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${u.enabled ? "bg-green-50 text-green-800 ring-green-600/20" : "bg-slate-100 text-slate-700 ring-slate-500/20"}`}>
                  {u.enabled ? "Enabled" : "Disabled"}
                </span>
              </td>
              <td className="hidden px-3 py-2 text-xs sm:table-cell">
                {u.lastUsedAt ? <><RelativeTime value={u.lastUsedAt} now={now} />{u.lastUsedIp ? <span className="block font-mono text-slate-600">{u.lastUsedIp}</span> : null}</> : "Never"}
              </td>
              <td className="hidden px-3 py-2 text-xs md:table-cell"><RelativeTime value={u.createdAt} now={now} /></td>
              {canManage ? (
                <td className="px-3 py-2 text-right">
                  <RowMenu label={`Actions for ${u.username}`} items={[
                    { label: "Edit", onSelect: () => onAction("edit", u) },
                    { label: u.enabled ? "Disable" : "Enable", onSelect: () => onAction("toggle", u) },
                    { label: "Delete", danger: true, onSelect: () => onAction("delete", u) },
                  ]} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
