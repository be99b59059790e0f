/**
 * The keys page's interactive part: "New keys" (disabled at the limit, with the reason beside it), the rotation
 * banner, the table, and the edit / change / delete / reveal dialogs. An action that answers "not found" (the key
 * was deleted in another tab or by someone else) refreshes the list and says so.
 */
"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createApiKeyAction, deleteApiKeyAction, rotateApiKeyAction, setApiKeyEnabledAction, updateApiKeyAction } from "../actions";
import type { ApiKeyDto, ApiKeyQuota, MailingDto, RotationReminder } from "../types";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { KeyFormDialog } from "./key-form-dialog";
import { KeyRevealDialog, type RevealedKey } from "./key-reveal-dialog";
import { KeyTable, menuTriggerId, type KeyRowAction } from "./key-table";
import { RotateKeyDialog } from "./rotate-key-dialog";
import { DeleteKeyDialog } from "./delete-key-dialog";
import { KeysEmpty, RotationBanner } from "./keys-notices";

type Props = {
  keys: ApiKeyDto[];
  quota: ApiKeyQuota;
  mailings: MailingDto[];
  canManage: boolean;
  rotation: RotationReminder;
  now: number;
  /** The search / filter form; `filtered` when it narrows the list. */
  toolbar: React.ReactNode;
  filtered: boolean;
};
type Open = { kind: "create" } | { kind: "edit" | "rotate" | "delete"; key: ApiKeyDto } | null;

const DAY = 86_400_000;
/** Where focus goes when the control that opened a dialog is gone with its key. */
const TITLE_ID = "api-keys-title";
const isNotFound = (message: string) => /not found/i.test(message);

export function ApiKeysPanel({ keys, quota, mailings, canManage, rotation, now, toolbar, filtered }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [deleteError, setDeleteError] = useState<string>();
  const [busyId, setBusyId] = useState<string | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const { pending, run } = useActionRunner();
  const atLimit = quota.used >= quota.max;
  const isDue = (key: ApiKeyDto) =>
    key.status === "active" && new Date(key.rotatedAt ?? key.createdAt).getTime() < now - rotation.days * DAY;
  const close = () => {
    setOpen(null);
    setDeleteError(undefined);
  };
  /** "Not found": close what was open on the key, reload the list, and say why it vanished. */
  const gone = (name: string, toastOther = true) => (message: string) => {
    if (!isNotFound(message)) return toastOther ? message : false;
    returnTo.current = document.getElementById(TITLE_ID);
    close();
    document.getElementById(TITLE_ID)?.focus();
    router.refresh();
    return `“${name}” was removed elsewhere (in another tab or by someone else). The list has been refreshed.`;
  };

  function onRowAction(action: KeyRowAction, key: ApiKeyDto) {
    const active = document.activeElement;
    // Items of the ⋯ menu vanish with it: focus goes back to the row's ⋯ button.
    returnTo.current = active?.getAttribute("role") === "menuitem" ? document.getElementById(menuTriggerId(key)) : (active as HTMLElement | null);
    if (action !== "toggle") return setOpen({ kind: action, key });
    setBusyId(key.id);
    run(
      () => setApiKeyEnabledAction({ id: key.id, enabled: !key.enabled }),
      { success: `“${key.name}” ${key.enabled ? "disabled" : "enabled"}`, error: gone(key.name) },
      () => setBusyId(null),
    );
  }

  return (
    <section aria-labelledby="api-keys-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 id="api-keys-title" tabIndex={-1} className="text-2xl font-semibold focus:outline-none">API keys</h1>
          <p className="mt-1 text-sm text-slate-600">
            Keys let your applications use the API on behalf of this account. <span data-testid="key-quota">{quota.used} of {quota.max} keys used</span>
          </p>
        </div>
        {canManage ? (
          <div className="flex flex-wrap items-center justify-end gap-3">
            {atLimit ? <p id="key-limit-reason" className="text-sm text-slate-700">Limit reached: delete a key to create another.</p> : null}
            <Button onClick={() => {
              returnTo.current = null; // back to "New keys" itself
              setOpen({ kind: "create" });
            }} disabled={atLimit} aria-describedby={atLimit ? "key-limit-reason" : undefined}>New keys</Button>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Your role can view keys but not change them.</p>
        )}
      </div>
      <RotationBanner rotation={rotation} canManage={canManage} />
      {toolbar}
      {keys.length === 0 ? (
        <KeysEmpty filtered={filtered} canManage={canManage} />
      ) : (
        <KeyTable keys={keys} canManage={canManage} busyId={busyId} now={now} isDue={isDue} rotationDays={rotation.days} onAction={onRowAction} />
      )}

      {canManage ? (
        <>
          <KeyFormDialog
            target={open?.kind === "create" ? "create" : open?.kind === "edit" ? open.key : null}
            mailings={mailings}
            pending={pending}
            returnFocusTo={returnTo}
            onClose={close}
            onSubmit={(values, report) => {
              if (open?.kind === "edit") {
                const { id, name } = open.key;
                run(() => updateApiKeyAction({ ...values, id }), { success: "Changes saved", error: gone(name, false) }, (r) => (r.ok ? close() : report(r)));
              } else {
                run(() => createApiKeyAction(values), { success: "API key created", error: () => false }, (r) => {
                  if (!r.ok) return report(r);
                  close();
                  setRevealed({ plaintextKey: r.data.plaintextKey, name: r.data.key.name });
                });
              }
            }}
          />
          <RotateKeyDialog
            key={open?.kind === "rotate" ? open.key.id : "rotate"}
            apiKey={open?.kind === "rotate" ? open.key : null}
            pending={pending}
            returnFocusTo={returnTo}
            onClose={close}
            onConfirm={(grace) => {
              if (open?.kind !== "rotate") return;
              run(() => rotateApiKeyAction({ id: open.key.id, grace }), { success: "New secret issued", error: gone(open.key.name) }, (r) => {
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
            returnFocusTo={returnTo}
            onClose={close}
            onConfirm={(confirmName) => {
              if (open?.kind !== "delete") return;
              const { id, name } = open.key;
              run(() => deleteApiKeyAction({ id, confirmName }), { success: `“${name}” deleted`, error: gone(name, false) }, (r) => {
                if (r.ok) {
                  returnTo.current = document.getElementById(TITLE_ID);
                  return close();
                }
                if (!isNotFound(r.error)) setDeleteError(r.fieldErrors?.confirmName?.[0] ?? r.error);
              });
            }}
          />
          <KeyRevealDialog revealed={revealed} onDone={() => setRevealed(null)} />
        </>
      ) : null}
    </section>
  );
}
