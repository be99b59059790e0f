/** The keys page's interactive part: table, "New keys", and the edit / change / delete / reveal dialogs. */
"use client";

import { useState } from "react";
import {
  createApiKeyAction,
  deleteApiKeyAction,
  rotateApiKeyAction,
  setApiKeyEnabledAction,
  updateApiKeyAction,
} from "../actions";
import type { ApiKeyDto, MailingDto } from "../types";
import { emptyApiKeyForm, type ApiKeyFormValues } from "../schema";
import { toDateInput } from "@/components/ui/format";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { KeyForm } from "./key-form";
import { KeyRevealDialog, type RevealedKey } from "./key-reveal-dialog";
import { KeyTable, type KeyRowAction } from "./key-table";
import { RotateKeyDialog } from "./rotate-key-dialog";
import { DeleteKeyDialog } from "./delete-key-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";

type Props = { keys: ApiKeyDto[]; quota: { used: number; max: number }; mailings: MailingDto[]; canManage: boolean };
type Open = { kind: "create" } | { kind: "edit" | "rotate" | "delete"; key: ApiKeyDto } | null;

function formValuesOf(key: ApiKeyDto): ApiKeyFormValues {
  return {
    name: key.name,
    description: key.description,
    scopes: key.scopes as ApiKeyFormValues["scopes"],
    permissions: key.permissions as ApiKeyFormValues["permissions"],
    allowedIps: key.allowedIps.join("\n"),
    expiresOn: toDateInput(key.expiresAt),
    defaultMailingId: key.defaultMailing?.id ?? "",
  };
}

export function ApiKeysPanel({ keys, quota, mailings, canManage }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [deleteError, setDeleteError] = useState<string>();
  const [busyId, setBusyId] = useState<string | null>(null);
  const { pending, run } = useActionRunner();
  const atLimit = quota.used >= quota.max;
  const close = () => {
    setOpen(null);
    setDeleteError(undefined);
  };

  function onRowAction(action: KeyRowAction, key: ApiKeyDto) {
    if (action !== "toggle") return setOpen({ kind: action, key });
    setBusyId(key.id);
    run(
      () => setApiKeyEnabledAction({ id: key.id, enabled: !key.enabled }),
      { success: `“${key.name}” ${key.enabled ? "disabled" : "enabled"}` },
      () => setBusyId(null),
    );
  }

  return (
    <section aria-labelledby="api-keys-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="api-keys-title" className="text-2xl font-semibold">API keys</h1>
          <p className="mt-1 text-sm text-slate-600">
            Keys let your applications use the API on behalf of this account. <span data-testid="key-quota">{quota.used} of {quota.max} keys used</span>
          </p>
        </div>
        {canManage ? <Button onClick={() => setOpen({ kind: "create" })}>New keys</Button> : (
          <p className="text-sm text-slate-500">Your role can view keys but not change them.</p>
        )}
      </div>

      {keys.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="font-semibold">No API keys yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            {canManage ? "Create a key with “New keys” to connect your first application." : "An owner or admin can create the first key."}
          </p>
        </div>
      ) : (
        <KeyTable keys={keys} canManage={canManage} busyId={busyId} onAction={onRowAction} />
      )}

      {canManage ? (
        <>
          <Dialog open={open?.kind === "create" || open?.kind === "edit"} onOpenChange={(o) => (o ? undefined : close())}
            title={open?.kind === "edit" ? `Edit “${open.key.name}”` : "New API key"} size="lg"
            description={open?.kind === "edit" ? "The secret stays the same." : "The key's secret is shown once, right after you create it."}>
            {open?.kind === "create" || open?.kind === "edit" ? (
              <KeyForm
                key={open.kind === "edit" ? open.key.id : "create"}
                initial={open.kind === "edit" ? formValuesOf(open.key) : emptyApiKeyForm}
                mailings={mailings}
                submitLabel={open.kind === "edit" ? "Save changes" : "Create key"}
                pending={pending}
                notice={open.kind === "create" && atLimit ? (
                  <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
                    This account has {quota.used} of {quota.max} keys. Delete a key before creating another.
                  </p>
                ) : null}
                onCancel={close}
                onSubmit={(values, report) => {
                  if (open.kind === "edit") {
                    const id = open.key.id;
                    run(() => updateApiKeyAction({ ...values, id }), { success: "Changes saved" }, (r) => (r.ok ? close() : report(r)));
                  } else {
                    run(() => createApiKeyAction(values), { success: "API key created" }, (r) => {
                      if (!r.ok) return report(r);
                      close();
                      setRevealed({ plaintextKey: r.data.plaintextKey, name: r.data.key.name });
                    });
                  }
                }}
              />
            ) : null}
          </Dialog>
          <RotateKeyDialog
            key={open?.kind === "rotate" ? open.key.id : "rotate"}
            apiKey={open?.kind === "rotate" ? open.key : null}
            pending={pending}
            onClose={close}
            onConfirm={(grace) => {
              if (open?.kind !== "rotate") return;
              run(() => rotateApiKeyAction({ id: open.key.id, grace }), { success: "New secret issued" }, (r) => {
                if (!r.ok) return;
                close();
                setRevealed({ plaintextKey: r.data.plaintextKey, name: r.data.key.name });
              });
            }}
          />
          <DeleteKeyDialog
            key={open?.kind === "delete" ? open.key.id : "delete"}
            apiKey={open?.kind === "delete" ? open.key : null}
            pending={pending}
            error={deleteError}
            onClose={close}
            onConfirm={(confirmName) => {
              if (open?.kind !== "delete") return;
              run(() => deleteApiKeyAction({ id: open.key.id, confirmName }), { success: `“${open.key.name}” deleted` }, (r) =>
                r.ok ? close() : setDeleteError(r.fieldErrors?.confirmName?.[0] ?? r.error),
              );
            }}
          />
          <KeyRevealDialog revealed={revealed} onDone={() => setRevealed(null)} />
        </>
      ) : null}
    </section>
  );
}
