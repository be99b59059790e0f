/**
 * The keys table, one line per key: name with the description truncated (full text on hover / focus), key id
 * with a copy button and the secret's mask, scopes and IP rules, status (with the rotation flag and "Change key"
 * one click away), relative times with the exact UTC time in a tooltip, and the row's actions behind "⋯".
 * Below `lg` the same rows are laid out as stacked cards (explicit roles keep the table semantics).
 */
"use client";

import type { ApiKeyDto, ApiKeyStatus } from "../types";
import { SCOPE_LABELS, type Scope } from "../catalog";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { relativeTime } from "@/components/ui/relative-time";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { RowMenu } from "@/components/ui/row-menu";
import { Tooltip } from "@/components/ui/tooltip";
import { UsageChart } from "./usage-chart";

const STATUS_STYLES: Record<ApiKeyStatus, string> = {
  active: "bg-green-50 text-green-800 ring-green-600/20",
  disabled: "bg-slate-100 text-slate-700 ring-slate-500/20",
  expired: "bg-amber-50 text-amber-800 ring-amber-600/20",
};
const STATUS_LABELS: Record<ApiKeyStatus, string> = { active: "Active", disabled: "Disabled", expired: "Expired" };

export type KeyRowAction = "edit" | "rotate" | "toggle" | "delete";
export const menuTriggerId = (key: ApiKeyDto) => `key-actions-${key.id}`;

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

const cell = "block min-w-0 lg:table-cell lg:px-3 lg:py-2 lg:align-middle";
const cardLabel = "text-slate-600 lg:hidden";

function When({ value, now, id }: { value: Date; now: number; id: string }) {
  return (
    <Tooltip content={formatDateTime(value)} id={id}>
      <time dateTime={new Date(value).toISOString()} tabIndex={0} aria-describedby={id} className="whitespace-nowrap">
        {relativeTime(value, now)}
      </time>
    </Tooltip>
  );
}

export function KeyTable({ keys, canManage, busyId, now, isDue, rotationDays, onAction }: Props) {
  return (
    <div className="relative rounded-lg border border-slate-200 bg-surface lg:overflow-x-auto">
      <table role="table" className="block w-full text-sm lg:table">
        <caption className="sr-only">API keys</caption>
        <thead className="hidden bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 lg:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Key ID / secret</th>
            <th scope="col" className="px-3 py-2">Scopes / IPs</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Created</th>
            <th scope="col" className="px-3 py-2">Last used</th>
            {canManage ? <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 lg:table-row-group">
          {keys.map((key) => {
            const due = isDue(key);
            const scopes = key.scopes.map((s) => SCOPE_LABELS[s as Scope] ?? s).join(", ");
            return (
              <tr key={key.id} role="row" aria-label={key.name} data-id={key.id}
                className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5 px-4 py-3 lg:table-row lg:p-0">
                <td role="cell" className={cell}>
                  <div className="flex min-w-0 items-baseline gap-2 whitespace-nowrap lg:max-w-72">
                    <span className="truncate font-medium" title={key.name}>{key.name}</span>
                    {key.description ? (
                      <Tooltip content={key.description} className="min-w-0">
                        <span tabIndex={0} className="truncate text-xs text-slate-600">{key.description}</span>
                      </Tooltip>
                    ) : null}
                  </div>
                </td>
                <td role="cell" className={`${cell} max-lg:col-span-2`}>
                  <div className="flex items-center gap-2 whitespace-nowrap">
                    <code className="font-mono text-xs">{key.keyId}</code>
                    <CopyButton text={key.keyId} label={`Copy key id of ${key.name}`} />
                    <span className="font-mono text-xs text-slate-600" title={`Secret ending in ${key.maskedSecret.slice(-5)}`}>{key.maskedSecret}</span>
                  </div>
                </td>
                <td role="cell" className={`${cell} max-lg:col-span-2`}>
                  <div className="truncate whitespace-nowrap text-xs lg:max-w-56" title={[scopes, ...key.allowedIps].join(" · ")}>
                    <span>{scopes}</span>
                    <span className="text-slate-600"> · </span>
                    {key.allowedIps.length === 0 ? <span className="text-slate-600">Any IP</span> : key.allowedIps.map((ip, i) => (
                      <span key={ip}>{i > 0 ? ", " : ""}<code>{ip}</code></span>
                    ))}
                  </div>
                </td>
                <td role="cell" className={`${cell} max-lg:col-span-2`}>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 whitespace-nowrap text-xs lg:flex-nowrap">
                    <span className={`inline-flex rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${STATUS_STYLES[key.status]}`}>
                      {STATUS_LABELS[key.status]}
                    </span>
                    {key.expiresAt ? <span className="text-slate-600">Expires {formatDate(key.expiresAt)}</span> : null}
                    {key.previousSecretExpiresAt ? (
                      <span className="text-amber-800">Old secret works until {formatDateTime(key.previousSecretExpiresAt)}</span>
                    ) : null}
                    {due ? (
                      <>
                        <span className="inline-flex rounded-full bg-amber-50 px-2 py-0.5 font-medium text-amber-900 ring-1 ring-inset ring-amber-600/30">
                          Secret older than {rotationDays} days
                        </span>
                        {canManage ? (
                          <Button size="sm" variant="secondary" onClick={() => onAction("rotate", key)} aria-label={`Change key ${key.name} now`}>
                            Change key
                          </Button>
                        ) : null}
                      </>
                    ) : null}
                  </div>
                </td>
                <td role="cell" className={`${cell} text-xs max-lg:col-span-2`}>
                  <span className="whitespace-nowrap">
                    <span className={cardLabel}>Created </span>
                    <When value={key.createdAt} now={now} id={`created-${key.id}`} />
                    <span className="text-slate-600"> by {key.createdByEmail ?? "a deleted user"}</span>
                  </span>
                </td>
                <td role="cell" className={`${cell} text-xs max-lg:col-span-2`}>
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    <span className={cardLabel}>Last used</span>
                    {key.lastUsedAt ? <When value={key.lastUsedAt} now={now} id={`used-${key.id}`} /> : <span>Never</span>}
                    {key.lastUsedIp ? <span className="text-slate-600">from {key.lastUsedIp}</span> : null}
                    <UsageChart series={key.usage30d} />
                  </span>
                </td>
                {canManage ? (
                  <td role="cell" className={`${cell} max-lg:col-start-2 max-lg:row-start-1 lg:w-12 lg:text-right`}>
                    <RowMenu
                      label={`Actions for ${key.name}`}
                      triggerId={menuTriggerId(key)}
                      items={[
                        { label: "Edit", onSelect: () => onAction("edit", key) },
                        { label: "Change key", onSelect: () => onAction("rotate", key) },
                        { label: key.enabled ? "Disable" : "Enable", disabled: busyId === key.id, onSelect: () => onAction("toggle", key) },
                        { label: "Delete", danger: true, onSelect: () => onAction("delete", key) },
                      ]}
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
