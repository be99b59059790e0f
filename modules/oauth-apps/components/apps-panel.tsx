/** The Apps page's interactive part: "New keys", the app list, and the edit / reset / delete / catalog / reveal dialogs. */
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { KeyRevealDialog, type RevealedKey } from "@/modules/api-keys/components/key-reveal-dialog";
import {
  createAppAction, deleteAppAction, resetAppSecretAction, setPasswordGrantAction, submitForReviewAction, updateAppAction, withdrawFromCatalogAction,
} from "../actions";
import { emptyAppForm, type AppFormValues } from "../schema";
import type { OAuthAppDto } from "../types";
import { AppCard, type AppAction } from "./app-card";
import { AppForm } from "./app-form";
import { ResetSecretDialog, SubmitForReviewDialog } from "./app-dialogs";

type Open = { kind: "create" } | { kind: AppAction; app: OAuthAppDto } | null;

const formOf = (app: OAuthAppDto): AppFormValues => ({
  name: app.name, description: app.description, developerName: app.developerName,
  redirectUris: app.redirectUris.join("\n"), grantTypes: app.grantTypes as AppFormValues["grantTypes"],
});

export function AppsPanel({ apps, canManage }: { apps: OAuthAppDto[]; canManage: boolean }) {
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [deleteError, setDeleteError] = useState<string>();
  const { pending, run } = useActionRunner();
  const close = () => { setOpen(null); setDeleteError(undefined); };
  const reveal = (r: { app: OAuthAppDto; clientSecret: string }) => { close(); setRevealed({ plaintextKey: r.clientSecret, name: r.app.name, clientId: r.app.clientId }); };
  const target = open && open.kind !== "create" ? open.app : null;

  return (
    <section aria-labelledby="apps-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="apps-title" className="text-2xl font-semibold">Apps</h1>
          <p className="mt-1 text-sm text-slate-600">Register an application to get a Client ID and Client Secret. Any account can then connect it with OAuth 2.</p>
        </div>
        {canManage ? <Button onClick={() => setOpen({ kind: "create" })}>New keys</Button> : <p className="text-sm text-slate-600">Your role can view apps but not change them.</p>}
      </div>
      {apps.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="font-semibold">No apps yet</h2>
          <p className="mt-1 text-sm text-slate-600">{canManage ? "Press “New keys” to register your first application." : "An owner or admin can register the first app."}</p>
        </div>
      ) : (
        <div className="space-y-4">{apps.map((app) => <AppCard key={app.id} app={app} canManage={canManage} onAction={(kind) => setOpen({ kind, app })} />)}</div>
      )}
      {canManage ? (
        <>
          <Dialog open={open?.kind === "create" || open?.kind === "edit"} onOpenChange={(o) => (o ? undefined : close())} size="lg"
            title={target ? `Edit “${target.name}”` : "New keys"} description={target ? "The Client ID and secret stay the same." : "The Client Secret is shown once, right after you request the keys."}>
            {open?.kind === "create" || open?.kind === "edit" ? (
              <AppForm key={target?.id ?? "create"} initial={target ? formOf(target) : emptyAppForm} submitLabel={target ? "Save changes" : "Request keys"} pending={pending} onCancel={close}
                onSubmit={(values, report) => target
                  ? run(() => updateAppAction({ ...values, id: target.id }), { success: "Changes saved" }, (r) => (r.ok ? close() : report(r)))
                  : run(() => createAppAction(values), { success: "App registered" }, (r) => (r.ok ? reveal(r.data) : report(r)))} />
            ) : null}
          </Dialog>
          <ResetSecretDialog key={open?.kind === "reset" ? target?.id : "reset"} app={open?.kind === "reset" ? target : null} pending={pending} onClose={close}
            onConfirm={(grace) => target && run(() => resetAppSecretAction({ id: target.id, grace }), { success: "New secret issued" }, (r) => r.ok && reveal(r.data))} />
          <TypedConfirmDialog key={open?.kind === "delete" ? target?.id : "delete"} open={open?.kind === "delete"} title="Delete app" name={target?.name ?? ""} confirmLabel="Delete app" pending={pending} error={deleteError} onClose={close}
            description={<>Every account connected to “{target?.name}” loses access at once: all its tokens are revoked. This cannot be undone.</>}
            onConfirm={(confirmName) => target && run(() => deleteAppAction({ id: target.id, confirmName }), { success: `“${target.name}” deleted` }, (r) => (r.ok ? close() : setDeleteError(r.fieldErrors?.confirmName?.[0] ?? r.error)))} />
          {open?.kind === "submit" ? (
            <SubmitForReviewDialog app={open.app} pending={pending} onClose={close}
              onSubmit={(values, report) => run(() => submitForReviewAction(values), { success: "Submitted for review" }, (r) => (r.ok ? close() : report(r)))} />
          ) : null}
          <ConfirmDialog open={open?.kind === "withdraw"} title="Withdraw from the catalog" confirmLabel="Withdraw" pending={pending} onClose={close}
            description={<>“{target?.name}” leaves the public Integrations page (or its review is cancelled).</>}
            onConfirm={() => target && run(() => withdrawFromCatalogAction({ id: target.id }), { success: "Withdrawn" }, (r) => r.ok && close())} />
          <ConfirmDialog open={open?.kind === "password"} danger={!target?.allowPasswordGrant} pending={pending} onClose={close}
            title={target?.allowPasswordGrant ? "Switch the password grant off" : "Switch the password grant on"}
            confirmLabel={target?.allowPasswordGrant ? "Switch off" : "Switch on anyway"}
            description={target?.allowPasswordGrant ? "The app can no longer exchange a user's email and password for tokens." : (
              <>The password grant hands users&apos; passwords to the app. The OAuth 2.0 Security Best Current Practice (RFC 9700) says it must not be used: prefer the authorization code flow. Staff users can never sign in this way.</>
            )}
            onConfirm={() => target && run(() => setPasswordGrantAction({ id: target.id, enabled: !target.allowPasswordGrant }), { success: "Saved" }, (r) => r.ok && close())} />
          <KeyRevealDialog revealed={revealed} onDone={() => setRevealed(null)} />
        </>
      ) : null}
    </section>
  );
}
