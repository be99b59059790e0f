/**
 * The account's people: name and email, role (inherited rows say from where and have no actions), last sign-in,
 * joined; the ⋯ menu offers only what the viewer's role allows on that row.
 */
"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { RowMenu, type RowMenuItem } from "@/components/ui/row-menu";
import { roleLabel, type MemberDto, type MemberRole } from "../types";

export type MemberAction = "role" | "transfer" | "remove" | "leave";
type Props = { members: MemberDto[]; me: { role: MemberRole; inherited: boolean }; ownerCount: number; now: number; onAction: (a: MemberAction, m: MemberDto) => void };

function itemsFor(m: MemberDto, me: Props["me"], ownerCount: number, on: (a: MemberAction) => void): RowMenuItem[] {
  if (m.inheritedFrom) return [];
  const lastOwner = m.role === "owner" && ownerCount <= 1;
  if (m.isYou) return [{ label: lastOwner ? "Leave account (make someone else an owner first)" : "Leave account", danger: true, disabled: lastOwner, onSelect: () => on("leave") }];
  const mayTouch = me.role === "owner" || (me.role === "admin" && m.role !== "owner");
  if (!mayTouch) return [];
  const items: RowMenuItem[] = [{ label: "Change role", onSelect: () => on("role") }];
  if (me.role === "owner" && !me.inherited && m.role !== "owner") items.push({ label: "Transfer ownership", onSelect: () => on("transfer") });
  items.push({ label: "Remove from account", danger: true, onSelect: () => on("remove") });
  return items;
}

export function MembersTable({ members, me, ownerCount, now, onAction }: Props) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-3">User</th>
            <th scope="col" className="px-3 py-3">Role</th>
            <th scope="col" className="hidden px-3 py-3 sm:table-cell">Last sign-in</th>
            <th scope="col" className="hidden px-3 py-3 md:table-cell">Joined</th>
            <th scope="col" className="px-3 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => {
            const items = itemsFor(m, me, ownerCount, (a) => onAction(a, m));
            return (
              <tr key={`${m.userId}-${m.inheritedFrom ?? ""}`}>
                <th scope="row" className="max-w-64 px-3 py-2 text-left font-normal">
                  <span className="block truncate font-medium" title={m.name ?? m.email}>{m.name ?? m.email}{m.isYou ? <span className="text-slate-500"> (you)</span> : null}</span>
                  {m.name ? <span className="block truncate text-xs text-slate-600" title={m.email}>{m.email}</span> : null}
                </th>
                <td className="px-3 py-2">
                  <span className="font-medium">{roleLabel(m.role)}</span>
                  {m.inheritedFrom ? <span className="block text-xs text-slate-600">inherited from {m.inheritedFrom}</span> : null}
                </td>
                <td className="hidden px-3 py-2 text-xs sm:table-cell">{m.lastSignInAt ? <RelativeTime value={m.lastSignInAt} now={now} /> : "Never"}</td>
                <td className="hidden px-3 py-2 text-xs md:table-cell"><RelativeTime value={m.joinedAt} now={now} /></td>
                <td className="px-3 py-2 text-right">
                  {items.length ? <RowMenu label={`Actions for ${m.email}`} items={items} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
