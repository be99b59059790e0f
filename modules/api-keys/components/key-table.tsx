/**
 * The keys table, one line per key (key-row.tsx): a fixed layout whose columns share the width, so nothing
 * scrolls sideways and long values are cut with the full text on hover / focus. Below `xl` the same rows are
 * laid out as stacked cards (explicit roles keep the table semantics when the CSS display changes).
 */
"use client";

import type { ApiKeyDto } from "../types";
import { KeyRow, type KeyRowAction } from "./key-row";

export { menuTriggerId, type KeyRowAction } from "./key-row";

type Props = {
  keys: ApiKeyDto[];
  canManage: boolean;
  busyId: string | null;
  /** Request time (ms) from the server: relative times render the same on the server and in the browser. */
  now: number;
  /** Keys whose secret is older than the account's rotation age. */
  isDue: (key: ApiKeyDto) => boolean;
  rotationDays: number;
  onAction: (action: KeyRowAction, key: ApiKeyDto) => void;
};

const th = "bg-slate-50 px-2 py-2 first:rounded-tl-lg last:rounded-tr-lg";

export function KeyTable({ keys, canManage, busyId, now, isDue, rotationDays, onAction }: Props) {
  return (
    <div className="relative rounded-lg border border-slate-200 bg-surface">
      <table role="table" className="block w-full text-sm xl:table xl:table-fixed">
        <caption className="sr-only">API keys</caption>
        <colgroup className="hidden xl:table-column-group">
          <col className="w-[17%]" />
          <col className="w-[27%]" />
          <col className="w-[13%]" />
          <col className="w-[16%]" />
          <col className="w-[9%]" />
          <col className="w-[14%]" />
          {canManage ? <col className="w-[4%]" /> : null}
        </colgroup>
        <thead className="hidden text-left text-xs font-semibold uppercase tracking-wide text-slate-600 xl:table-header-group">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>Key ID / secret</th>
            <th scope="col" className={th}>Scopes / IPs</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Created</th>
            <th scope="col" className={th}>Last used</th>
            {canManage ? <th scope="col" className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 xl:table-row-group">
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} canManage={canManage} busy={busyId === key.id} now={now} due={isDue(key)}
              rotationDays={rotationDays} onAction={onAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
