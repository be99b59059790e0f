/** "Revoke access": every token the app holds for this account stops working on the very next request. */
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { revokeAuthorizedAppAction } from "../actions";

export function RevokeAccessButton({ id, appName }: { id: string; appName: string }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useActionRunner();
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke access of ${appName}`}>Revoke access</Button>
      <ConfirmDialog open={open} danger title="Revoke access" confirmLabel="Revoke access" pending={pending} onClose={() => setOpen(false)}
        description={<>“{appName}” loses access to this account at once: all its tokens stop working. It can be authorized again later.</>}
        onConfirm={() => run(() => revokeAuthorizedAppAction({ id }), { success: `Access of “${appName}” revoked` }, (r) => r.ok && setOpen(false))} />
    </>
  );
}
