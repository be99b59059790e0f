/**
 * API users (Dotdigital's): a generated username and a password the owner chooses, for systems that speak HTTP Basic
 * rather than API keys. Owners add, edit, disable and delete them; admins see the list. The password is never shown
 * again; the username is shown with a ready-to-copy curl once created.
 */
"use client";

import { useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { createApiUserAction, deleteApiUserAction, setApiUserEnabledAction, updateApiUserAction } from "../actions";
import type { ApiUserDto } from "../types";
import { ApiUserForm } from "./api-user-form";
import { ApiUsersTable, type ApiUserAction } from "./api-users-table";

type Open = { kind: "add" } | { kind: ApiUserAction; u: ApiUserDto } | { kind: "created"; u: ApiUserDto } | null;
const noSubscribe = () => () => {};

export function ApiUsersPanel({ users, canManage, now }: { users: ApiUserDto[]; canManage: boolean; now: number }) {
  const [open, setOpen] = useState<Open>(null);
  // The "added" dialog replaces the form the button opened: focus goes back to the button, not to <body>.
  const addButton = useRef<HTMLButtonElement>(null);
  const { pending, run } = useActionRunner();
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const close = () => setOpen(null);
  const toggle = open?.kind === "toggle" ? open.u : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-slate-700">
          An API user signs API requests with HTTP Basic: its username and password. {canManage ? null : "Only an owner can add or change API users."}
        </p>
        {canManage ? <Button ref={addButton} onClick={() => setOpen({ kind: "add" })}>Add API user</Button> : null}
      </div>
      {users.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center">
          <h2 className="font-semibold">No API users yet</h2>
          <p className="mt-1 text-sm text-slate-700">Most integrations use API keys; add an API user for one that needs a username and password.</p>
        </div>
      ) : (
        <ApiUsersTable users={users} canManage={canManage} now={now} onAction={(kind, u) => setOpen({ kind, u })} />
      )}

      <Dialog open={open?.kind === "add" || open?.kind === "edit"} onOpenChange={(o) => (o ? undefined : close())}
        title={open?.kind === "edit" ? "Edit API user" : "Add API user"}
        description={open?.kind === "edit" ? undefined : "We generate the username; you choose the password. It is not shown again."}>
        {open?.kind === "add" || open?.kind === "edit" ? (
          <ApiUserForm
            editing={open.kind === "edit" ? open.u : undefined}
            pending={pending}
            onCancel={close}
            onSubmit={(values, report) =>
              open.kind === "edit"
                ? run(() => updateApiUserAction({ id: open.u.id, ...values }), { success: "API user saved" }, (r) => (r.ok ? close() : report(r)))
                : run(() => createApiUserAction(values), { success: "API user added" }, (r) => (r.ok ? setOpen({ kind: "created", u: r.data }) : report(r)))
            }
          />
        ) : null}
      </Dialog>
      <Dialog open={open?.kind === "created"} onOpenChange={(o) => (o ? undefined : close())} title="API user added" size="lg" returnFocusTo={addButton}
        description="Use this username with the password you chose. We keep only a hash of the password.">
        {open?.kind === "created" ? (
          <div className="space-y-4">
            <div className="flex items-center gap-2">
              <code className="min-w-0 break-all rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm" data-testid="new-api-username">{open.u.username}</code>
              <CopyButton text={open.u.username} label="Copy username" size="md" />
            </div>
            <CodeBlock id="try-api-user" title="Try it" code={`curl --user '${open.u.username}:YOUR_PASSWORD' ${origin}/api/v1/whoami`} />
            <div className="flex justify-end"><Button onClick={close}>Done</Button></div>
          </div>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={toggle !== null}
        title={toggle ? `${toggle.enabled ? "Disable" : "Enable"} ${toggle.username}?` : ""}
        description={toggle?.enabled ? "Its requests are refused at once (403, USER_DISABLED) until you enable it again." : "It can call the API again at once."}
        confirmLabel={toggle?.enabled ? "Disable" : "Enable"}
        danger={toggle?.enabled}
        pending={pending}
        onClose={close}
        onConfirm={() => toggle && run(() => setApiUserEnabledAction({ id: toggle.id, enabled: !toggle.enabled }), { success: `${toggle.username} ${toggle.enabled ? "disabled" : "enabled"}` }, (r) => r.ok && close())}
      />
      <ConfirmDialog
        open={open?.kind === "delete"}
        title={open?.kind === "delete" ? `Delete ${open.u.username}?` : ""}
        description="Its requests are refused at once (401). This cannot be undone; you can add a new API user later."
        confirmLabel="Delete API user"
        danger
        pending={pending}
        onClose={close}
        onConfirm={() => open?.kind === "delete" && run(() => deleteApiUserAction({ id: open.u.id }), { success: "API user deleted" }, (r) => r.ok && close())}
      />
    </div>
  );
}
