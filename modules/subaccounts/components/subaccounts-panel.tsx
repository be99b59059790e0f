/**
 * The subaccounts page's interactive part: the limit and the request for more, the table, and the dialogs
 * (create — with an optional first key, revealed once — rename, suspend/resume, delete).
 */
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { KeyForm } from "@/modules/api-keys/components/key-form";
import { KeyRevealDialog, type RevealedKey } from "@/modules/api-keys/components/key-reveal-dialog";
import { emptyApiKeyForm } from "@/modules/api-keys/schema";
import { createSubaccountAction, deleteSubaccountAction, renameSubaccountAction, setSubaccountStatusAction } from "../actions";
import type { SubaccountDto, SubaccountsOverview } from "../types";
import { NameForm } from "./name-form";
import { RequestMoreButton, RequestStatus } from "./request-more";
import { SubaccountsTable, type SubaccountAction } from "./subaccounts-table";

type Open = { kind: "create" } | { kind: "firstKey"; name: string } | { kind: SubaccountAction; sub: SubaccountDto } | null;

export function SubaccountsPanel({ overview, canManage, now }: { overview: SubaccountsOverview; canManage: boolean; now: number }) {
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [error, setError] = useState<string>();
  const { pending, run } = useActionRunner();
  const { used, max, latestRequest } = overview;
  const atLimit = used >= max;
  const pendingRequest = latestRequest?.status === "pending";
  const close = () => {
    setOpen(null);
    setError(undefined);
  };
  const created = (r: { ok: true; data: { name: string; key: { plaintextKey: string; key: { name: string } } | null } }) => {
    close();
    if (r.data.key) setRevealed({ plaintextKey: r.data.key.plaintextKey, name: `${r.data.key.key.name} in ${r.data.name}` });
  };

  return (
    <section aria-labelledby="subaccounts-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="subaccounts-title" className="text-2xl font-semibold">Subaccounts</h1>
          <p className="mt-1 text-sm text-slate-700">
            Separate brands, clients or teams, each with its own API keys. <span data-testid="subaccount-quota">{used} of {max} subaccounts used</span>
          </p>
        </div>
        {canManage ? (
          <div className="flex flex-wrap items-center gap-2">
            {atLimit ? <RequestMoreButton disabled={pendingRequest} /> : null}
            <Button onClick={() => setOpen({ kind: "create" })} disabled={atLimit} aria-describedby={atLimit ? "subaccount-limit" : undefined}>
              Create subaccount
            </Button>
          </div>
        ) : null}
      </div>
      {atLimit && canManage ? (
        <p id="subaccount-limit" className="text-sm text-slate-700">Your plan allows {max} subaccounts. Ask our staff for more, or delete one you no longer need.</p>
      ) : null}
      {latestRequest ? <RequestStatus request={latestRequest} now={now} /> : null}

      {overview.subaccounts.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-surface p-10 text-center">
          <h2 className="font-semibold">No subaccounts yet</h2>
          <p className="mt-1 text-sm text-slate-700">A subaccount keeps a brand&apos;s or a client&apos;s keys, usage and activity apart.</p>
        </div>
      ) : (
        <SubaccountsTable subaccounts={overview.subaccounts} canManage={canManage} now={now} onAction={(kind, sub) => setOpen({ kind, sub })} />
      )}

      <Dialog open={open?.kind === "create" || open?.kind === "rename"} onOpenChange={(o) => (o ? undefined : close())}
        title={open?.kind === "rename" ? `Rename “${open.sub.name}”` : "Create subaccount"}>
        {open?.kind === "create" || open?.kind === "rename" ? (
          <NameForm
            initialName={open.kind === "rename" ? open.sub.name : ""}
            offerFirstKey={open.kind === "create"}
            submitLabel={open.kind === "rename" ? "Rename" : "Create subaccount"}
            pending={pending}
            onCancel={close}
            onSubmit={({ name, withKey }, report) => {
              if (open.kind === "rename") return run(() => renameSubaccountAction({ id: open.sub.id, name }), { success: "Subaccount renamed" }, (r) => (r.ok ? close() : report(r)));
              if (withKey) return setOpen({ kind: "firstKey", name });
              run(() => createSubaccountAction({ name, firstKey: null }), { success: `Subaccount “${name}” created` }, (r) => (r.ok ? created(r) : report(r)));
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={open?.kind === "firstKey"} onOpenChange={(o) => (o ? undefined : close())} size="lg"
        title={open?.kind === "firstKey" ? `First API key of “${open.name}”` : "First API key"} description="The subaccount and its key are created together; the key is shown once.">
        {open?.kind === "firstKey" ? (
          <KeyForm initial={emptyApiKeyForm} mailings={[]} submitLabel="Create subaccount and key" pending={pending} onCancel={close}
            onSubmit={(values, report) =>
              run(() => createSubaccountAction({ name: open.name, firstKey: values }), { success: `Subaccount “${open.name}” created` }, (r) => {
                if (r.ok) return created(r);
                // "firstKey.<field>" errors belong to this form; a "name" error is the subaccount's own.
                const fieldErrors = Object.fromEntries(Object.entries(r.fieldErrors ?? {}).filter(([k]) => k.startsWith("firstKey.")).map(([k, v]) => [k.slice(9), v]));
                report({ ok: false, error: r.fieldErrors?.name?.[0] ?? r.error, fieldErrors });
              })
            }
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={open?.kind === "toggle"}
        title={open?.kind === "toggle" ? `${open.sub.status === "active" ? "Suspend" : "Resume"} “${open.sub.name}”?` : ""}
        description={open?.kind === "toggle" && open.sub.status === "active"
          ? "Every API key of this subaccount is refused at once (403, ACCOUNT_SUSPENDED) until you resume it. Its members see a banner."
          : "Its API keys work again at once."}
        confirmLabel={open?.kind === "toggle" && open.sub.status === "active" ? "Suspend" : "Resume"}
        danger={open?.kind === "toggle" && open.sub.status === "active"}
        pending={pending}
        onClose={close}
        onConfirm={() => {
          if (open?.kind !== "toggle") return;
          const suspended = open.sub.status === "active";
          run(() => setSubaccountStatusAction({ id: open.sub.id, suspended }), { success: `“${open.sub.name}” ${suspended ? "suspended" : "resumed"}` }, (r) => r.ok && close());
        }}
      />
      <TypedConfirmDialog
        key={open?.kind === "delete" ? open.sub.id : "delete"}
        open={open?.kind === "delete"}
        title="Delete subaccount"
        description={open?.kind === "delete" ? <>Its API keys stop working at once and its members lose access. Its activity stays visible here. This cannot be undone.</> : null}
        name={open?.kind === "delete" ? open.sub.name : ""}
        confirmLabel="Delete subaccount"
        pending={pending}
        error={error}
        onClose={close}
        onConfirm={(confirmName) => {
          if (open?.kind !== "delete") return;
          run(() => deleteSubaccountAction({ id: open.sub.id, confirmName }), { success: `“${open.sub.name}” deleted` }, (r) =>
            r.ok ? close() : setError(r.fieldErrors?.confirmName?.[0] ?? r.error),
          );
        }}
      />
      <KeyRevealDialog revealed={revealed} onDone={() => setRevealed(null)} />
    </section>
  );
}
