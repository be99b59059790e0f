/** The subaccounts table: number, name, status, keys, requests in the last 30 days, last use, created; row actions. */
"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { RowMenu } from "@/components/ui/row-menu";
import type { SubaccountDto } from "../types";

export type SubaccountAction = "rename" | "toggle" | "delete";

type Props = { subaccounts: SubaccountDto[]; canManage: boolean; now: number; onAction: (action: SubaccountAction, sub: SubaccountDto) => void };

export function SubaccountsTable({ subaccounts, canManage, now, onAction }: Props) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Subaccounts</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-3">Number</th>
            <th scope="col" className="px-3 py-3">Name</th>
            <th scope="col" className="px-3 py-3">Status</th>
            <th scope="col" className="px-3 py-3 text-right">Keys</th>
            <th scope="col" className="px-3 py-3 text-right">Requests (30 days)</th>
            <th scope="col" className="px-3 py-3">Last used</th>
            <th scope="col" className="px-3 py-3">Created</th>
            {canManage ? <th scope="col" className="px-3 py-3"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {subaccounts.map((sub) => (
            <tr key={sub.id} data-id={sub.id}>
              <td className="px-3 py-2 font-mono text-xs">{sub.number}</td>
              <th scope="row" className="px-3 py-2 text-left font-medium">{sub.name}</th>
              <td className="px-3 py-2">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${sub.status === "active" ? "bg-green-50 text-green-800 ring-green-600/20" : "bg-amber-50 text-amber-900 ring-amber-600/20"}`}>
                  {sub.status === "active" ? "Active" : "Suspended"}
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{sub.keysUsed}</td>
              <td className="px-3 py-2 text-right tabular-nums">{sub.requests30d.toLocaleString("en")}</td>
              <td className="px-3 py-2 text-xs">{sub.lastUsedAt ? <RelativeTime value={sub.lastUsedAt} now={now} /> : "Never"}</td>
              <td className="px-3 py-2 text-xs"><RelativeTime value={sub.createdAt} now={now} /></td>
              {canManage ? (
                <td className="px-3 py-2 text-right">
                  <RowMenu
                    label={`Actions for ${sub.name}`}
                    items={[
                      { label: "Rename", onSelect: () => onAction("rename", sub) },
                      { label: sub.status === "active" ? "Suspend" : "Resume", onSelect: () => onAction("toggle", sub) },
                      { label: "Delete", danger: true, onSelect: () => onAction("delete", sub) },
                    ]}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
