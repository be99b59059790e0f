/** The keys table: mask, scopes, IP rules, status, usage; row actions for those who may manage keys. */
"use client";

import type { ApiKeyDto, ApiKeyStatus } from "../types";
import { SCOPE_LABELS, type Scope } from "../catalog";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Button } from "@/components/ui/button";
import { UsageChart } from "./usage-chart";

const STATUS_STYLES: Record<ApiKeyStatus, string> = {
  active: "bg-green-50 text-green-800 ring-green-600/20",
  disabled: "bg-slate-100 text-slate-700 ring-slate-500/20",
  expired: "bg-amber-50 text-amber-800 ring-amber-600/20",
};
const STATUS_LABELS: Record<ApiKeyStatus, string> = { active: "Active", disabled: "Disabled", expired: "Expired" };

export type KeyRowAction = "edit" | "rotate" | "toggle" | "delete";

type Props = {
  keys: ApiKeyDto[];
  canManage: boolean;
  busyId: string | null;
  onAction: (action: KeyRowAction, key: ApiKeyDto) => void;
};

export function KeyTable({ keys, canManage, busyId, onAction }: Props) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-3">Name</th>
            <th scope="col" className="px-3 py-3">Key ID / secret</th>
            <th scope="col" className="px-3 py-3">Scopes</th>
            <th scope="col" className="px-3 py-3">IP restrictions</th>
            <th scope="col" className="px-3 py-3">Status</th>
            <th scope="col" className="px-3 py-3">Created</th>
            <th scope="col" className="px-3 py-3">Last used</th>
            {canManage ? <th scope="col" className="px-3 py-3"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {keys.map((key) => (
            <tr key={key.id} aria-label={key.name} data-id={key.id}>
              <td className="px-3 py-3">
                <p className="font-medium">{key.name}</p>
                {key.description ? <p className="mt-0.5 max-w-56 text-xs text-slate-500">{key.description}</p> : null}
              </td>
              <td className="px-3 py-3">
                <code className="block font-mono text-xs">{key.keyId}</code>
                <code className="font-mono text-xs" aria-label={`Secret ending in ${key.maskedSecret.slice(-5)}`}>
                  {key.maskedSecret}
                </code>
                {key.previousSecretExpiresAt ? (
                  <p className="mt-0.5 text-xs text-amber-700">Old secret works until {formatDateTime(key.previousSecretExpiresAt)}</p>
                ) : null}
              </td>
              <td className="px-3 py-3 text-xs">{key.scopes.map((s) => SCOPE_LABELS[s as Scope] ?? s).join(", ")}</td>
              <td className="px-3 py-3 text-xs">
                {key.allowedIps.length === 0 ? (
                  <span className="text-slate-500">Any IP</span>
                ) : (
                  <ul>{key.allowedIps.map((ip) => <li key={ip}><code>{ip}</code></li>)}</ul>
                )}
              </td>
              <td className="px-3 py-3">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[key.status]}`}>
                  {STATUS_LABELS[key.status]}
                </span>
                {key.expiresAt ? <p className="mt-0.5 text-xs text-slate-500">Expires {formatDate(key.expiresAt)}</p> : null}
              </td>
              <td className="px-3 py-3 text-xs">
                <p>{formatDateTime(key.createdAt)}</p>
                <p className="text-slate-500">by {key.createdByEmail ?? "a deleted user"}</p>
              </td>
              <td className="px-3 py-3 text-xs">
                <p>{key.lastUsedAt ? `${formatDateTime(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}` : "Never"}</p>
                <UsageChart series={key.usage30d} />
              </td>
              {canManage ? (
                <td className="px-3 py-3">
                  <div className="flex w-24 flex-col gap-1 whitespace-nowrap" role="group" aria-label={`Actions for ${key.name}`}>
                    <Button size="sm" variant="secondary" onClick={() => onAction("edit", key)} aria-label={`Edit ${key.name}`}>Edit</Button>
                    <Button size="sm" variant="secondary" onClick={() => onAction("rotate", key)} aria-label={`Change key ${key.name}`}>Change key</Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={busyId === key.id}
                      onClick={() => onAction("toggle", key)}
                      aria-label={`${key.enabled ? "Disable" : "Enable"} ${key.name}`}
                    >
                      {key.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button size="sm" variant="ghost" className="text-red-700" onClick={() => onAction("delete", key)} aria-label={`Delete ${key.name}`}>Delete</Button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
