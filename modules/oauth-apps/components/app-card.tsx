/** One registered app: Client ID (copyable), masked secret, redirect URIs, counts, catalog status, and its actions. */
"use client";

import { GRANT_LABELS, type GrantType } from "@/core/oauth/grants";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import type { OAuthAppDto } from "../types";

export type AppAction = "edit" | "reset" | "delete" | "submit" | "withdraw" | "password";

const CATALOG_LABELS = { none: "Not in the catalog", pending: "Waiting for review", approved: "Listed in the catalog", declined: "Declined" } as const;

export function AppCard({ app, canManage, onAction }: { app: OAuthAppDto; canManage: boolean; onAction: (a: AppAction) => void }) {
  const titleId = `app-${app.id}-title`;
  return (
    <article aria-labelledby={titleId} className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={titleId} className="text-lg font-semibold">{app.name}</h2>
          <p className="text-sm text-slate-600">by {app.developerName} · registered {formatDateTime(app.createdAt)}</p>
        </div>
        <p className="text-sm text-slate-700">
          <span data-testid="authorized-count">{app.authorizedAccounts}</span> authorized account{app.authorizedAccounts === 1 ? "" : "s"} ·{" "}
          <span data-testid="tokens-count">{app.tokens30d}</span> token{app.tokens30d === 1 ? "" : "s"} in the last 30 days
        </p>
      </div>
      {app.description ? <p className="whitespace-pre-line text-sm">{app.description}</p> : null}
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="font-medium">Client ID</dt>
        <dd className="flex flex-wrap items-center gap-2"><code className="break-all font-mono">{app.clientId}</code><CopyButton text={app.clientId} label={`Copy the Client ID of ${app.name}`} /></dd>
        <dt className="font-medium">Client Secret</dt>
        <dd className="font-mono">{app.maskedSecret}{app.previousSecretExpiresAt ? <span className="ml-2 font-sans text-xs text-amber-800">previous secret works until {formatDateTime(app.previousSecretExpiresAt)}</span> : null}</dd>
        <dt className="font-medium">Redirect URIs</dt>
        <dd className="break-all font-mono">{app.redirectUris.length ? app.redirectUris.map((u) => <div key={u}>{u}</div>) : "—"}</dd>
        <dt className="font-medium">Grant types</dt>
        <dd>{app.grantTypes.map((g) => GRANT_LABELS[g as GrantType] ?? g).join(", ")}{app.grantTypes.includes("password") ? (app.allowPasswordGrant ? " — password grant ON" : " — password grant off") : ""}</dd>
        <dt className="font-medium">Catalog</dt>
        <dd data-testid="catalog-status">{CATALOG_LABELS[app.catalogStatus]}{app.catalogReason ? `: ${app.catalogReason}` : ""}</dd>
      </dl>
      {canManage ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => onAction("edit")} aria-label={`Edit ${app.name}`}>Edit</Button>
          <Button variant="secondary" size="sm" onClick={() => onAction("reset")} aria-label={`Reset secret of ${app.name}`}>Reset secret</Button>
          {app.grantTypes.includes("password") ? (
            <Button variant="secondary" size="sm" onClick={() => onAction("password")}>{app.allowPasswordGrant ? "Switch password grant off" : "Switch password grant on"}</Button>
          ) : null}
          {app.catalogStatus === "none" || app.catalogStatus === "declined" ? (
            <Button variant="secondary" size="sm" onClick={() => onAction("submit")} aria-label={`Submit ${app.name} for review`}>Submit for review</Button>
          ) : (
            <Button variant="secondary" size="sm" onClick={() => onAction("withdraw")}>Withdraw from catalog</Button>
          )}
          <Button variant="danger" size="sm" onClick={() => onAction("delete")} aria-label={`Delete ${app.name}`}>Delete</Button>
        </div>
      ) : null}
    </article>
  );
}
