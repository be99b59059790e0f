/** Switch into a linked developer account (the user must be a member there; the server checks), then open its keys. */
"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { switchAccountAction } from "@/modules/accounts/actions";
import { KEYS_PATH } from "@/modules/api-keys/nav";

export function SwitchButton({ accountId, name }: { accountId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      aria-label={`Switch to ${name}`}
      onClick={() =>
        startTransition(async () => {
          const result = await switchAccountAction({ accountId }).catch(() => null);
          if (result?.ok) window.location.assign(KEYS_PATH);
          else toast.error(result?.error ?? "Could not switch accounts. Try again.");
        })
      }
    >
      {pending ? "Switching…" : "Switch to it"}
    </Button>
  );
}
