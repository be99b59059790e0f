/** "Leave" on the profile page's account list: a confirmation naming the account, then the membership ends at once. */
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { leaveMembershipAction } from "../actions";

export function LeaveMembershipButton({ accountId, accountName }: { accountId: string; accountName: string }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useActionRunner();
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Leave ${accountName}`}>Leave</Button>
      <ConfirmDialog
        open={open}
        title={`Leave ${accountName}?`}
        description="You lose access at once. An owner or admin can invite you again."
        confirmLabel="Leave account"
        danger
        pending={pending}
        onClose={() => setOpen(false)}
        onConfirm={() => run(() => leaveMembershipAction({ accountId }), { success: `You left ${accountName}` }, (r) => r.ok && setOpen(false))}
      />
    </>
  );
}
