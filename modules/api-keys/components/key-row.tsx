/**
 * One key as one table row (from `xl`) or one stacked card (below): every cell stays one line; what does not fit
 * (the description, exact times, the creator, the last caller's IP, a grace period, the expiry) is in a tooltip
 * shown on hover and keyboard focus, and is the focusable element's accessible description.
 */
"use client";

import type { ApiKeyDto, ApiKeyStatus } from "../types";
import { SCOPE_LABELS, type Scope } from "../catalog";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { relativeTime } from "@/components/ui/relative-time";
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
const badge = "inline-flex shrink-0 rounded-full px-2 py-0.5 font-medium ring-1 ring-inset";

export type KeyRowAction = "edit" | "rotate" | "toggle" | "delete";
export const menuTriggerId = (key: ApiKeyDto) => `key-actions-${key.id}`;

type Props = {
  apiKey: ApiKeyDto;
  canManage: boolean;
  busy: boolean;
  now: number;
  due: boolean;
  rotationDays: number;
  onAction: (action: KeyRowAction, key: ApiKeyDto) => void;
};

const cell = "block min-w-0 xl:table-cell xl:px-2 xl:py-2 xl:align-middle";
const cardLabel = "text-slate-600 xl:hidden";

/** A focusable bit of text with a tooltip that is also its accessible description. */
function Tip({ id, tip, className = "", children }: { id: string; tip: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <Tooltip content={tip} id={id} className="min-w-0">
      <span tabIndex={0} aria-describedby={id} className={className}>{children}</span>
    </Tooltip>
  );
}

function When({ value, now, id, extra }: { value: Date; now: number; id: string; extra?: string }) {
  return (
    <Tooltip content={`${formatDateTime(value)}${extra ?? ""}`} id={id}>
      <time dateTime={new Date(value).toISOString()} tabIndex={0} aria-describedby={id} className="whitespace-nowrap">
        {relativeTime(value, now)}
      </time>
    </Tooltip>
  );
}

export function KeyRow({ apiKey: key, canManage, busy, now, due, rotationDays, onAction }: Props) {
  const scopes = key.scopes.map((s) => SCOPE_LABELS[s as Scope] ?? s).join(", ");
  return (
    <tr role="row" aria-label={key.name} data-id={key.id}
      className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5 px-4 py-3 xl:table-row xl:p-0">
      <td role="cell" className={cell}>
        <div className="flex min-w-0 items-baseline gap-2 whitespace-nowrap">
          <span className="max-w-full shrink-0 truncate font-medium" title={key.name}>{key.name}</span>
          {key.description ? <Tip id={`desc-${key.id}`} tip={key.description} className="block truncate text-xs text-slate-600">{key.description}</Tip> : null}
        </div>
      </td>
      <td role="cell" className={`${cell} max-xl:col-span-2`}>
        <div className="flex min-w-0 items-center gap-1.5 whitespace-nowrap">
          <code className="shrink-0 font-mono text-xs">{key.keyId}</code>
          <CopyButton text={key.keyId} label={`Copy key id of ${key.name}`} compact />
          <span className="min-w-0 truncate font-mono text-xs text-slate-600" title={`Secret ending in ${key.maskedSecret.slice(-5)}`}>{key.maskedSecret}</span>
        </div>
      </td>
      <td role="cell" className={`${cell} max-xl:col-span-2`}>
        <div className="truncate whitespace-nowrap text-xs" title={[scopes, ...key.allowedIps].join(" · ")}>
          <span>{scopes}</span>
          <span className="text-slate-600"> · </span>
          {key.allowedIps.length === 0 ? <span className="text-slate-600">Any IP</span> : key.allowedIps.map((ip, i) => (
            <span key={ip}>{i > 0 ? ", " : ""}<code>{ip}</code></span>
          ))}
        </div>
      </td>
      <td role="cell" className={`${cell} max-xl:col-span-2`}>
        <div className="flex items-center gap-1.5 whitespace-nowrap text-xs">
          {key.expiresAt ? (
            <Tip id={`expiry-${key.id}`} tip={`${key.status === "expired" ? "Expired" : "Expires"} ${formatDate(key.expiresAt)}`} className={`${badge} ${STATUS_STYLES[key.status]}`}>
              {STATUS_LABELS[key.status]}
            </Tip>
          ) : (
            <span className={`${badge} ${STATUS_STYLES[key.status]}`}>{STATUS_LABELS[key.status]}</span>
          )}
          {key.previousSecretExpiresAt ? (
            <Tip id={`grace-${key.id}`} tip={`Old secret works until ${formatDateTime(key.previousSecretExpiresAt)}`} className={`${badge} bg-amber-50 text-amber-900 ring-amber-600/30`}>
              Grace period
            </Tip>
          ) : null}
          {due ? (
            <Tooltip content={`Secret older than ${rotationDays} days`} id={`due-${key.id}`}>
              {canManage ? (
                <button type="button" onClick={() => onAction("rotate", key)} aria-label={`Change key ${key.name} now`} aria-describedby={`due-${key.id}`}
                  className={`${badge} bg-amber-50 px-1.5 text-[11px] text-amber-900 ring-amber-600/40 hover:bg-amber-100`}>
                  ⚠ Change key
                </button>
              ) : (
                <span tabIndex={0} aria-describedby={`due-${key.id}`} className={`${badge} bg-amber-50 text-amber-900 ring-amber-600/40`}>⚠ Change due</span>
              )}
            </Tooltip>
          ) : null}
        </div>
      </td>
      <td role="cell" className={`${cell} text-xs max-xl:col-span-2`}>
        <span className={cardLabel}>Created </span>
        <When value={key.createdAt} now={now} id={`created-${key.id}`} extra={` by ${key.createdByEmail ?? "a deleted user"}`} />
      </td>
      <td role="cell" className={`${cell} text-xs max-xl:col-span-2`}>
        <span className="flex items-center gap-1.5 whitespace-nowrap">
          <span className={cardLabel}>Last used</span>
          {key.lastUsedAt ? (
            <When value={key.lastUsedAt} now={now} id={`used-${key.id}`} extra={key.lastUsedIp ? ` from ${key.lastUsedIp}` : undefined} />
          ) : (
            <span>Never</span>
          )}
          <UsageChart series={key.usage30d} />
        </span>
      </td>
      {canManage ? (
        <td role="cell" className={`${cell} max-xl:col-start-2 max-xl:row-start-1 xl:text-right`}>
          <RowMenu
            label={`Actions for ${key.name}`}
            triggerId={menuTriggerId(key)}
            items={[
              { label: "Edit", onSelect: () => onAction("edit", key) },
              { label: "Change key", onSelect: () => onAction("rotate", key) },
              { label: key.enabled ? "Disable" : "Enable", disabled: busy, onSelect: () => onAction("toggle", key) },
              { label: "Delete", danger: true, onSelect: () => onAction("delete", key) },
            ]}
          />
        </td>
      ) : null}
    </tr>
  );
}
