/** Deleting is permanent, so the user types the key's name (GitHub's repository-deletion pattern). */
"use client";

import { useState } from "react";
import type { ApiKeyDto } from "../types";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type Props = {
  apiKey: ApiKeyDto | null;
  pending: boolean;
  error?: string;
  onConfirm: (confirmName: string) => void;
  onClose: () => void;
  returnFocusTo?: React.RefObject<HTMLElement | null>;
};

export function DeleteKeyDialog({ apiKey, pending, returnFocusTo, error, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState("");
  const matches = apiKey !== null && typed.trim() === apiKey.name;
  const close = () => {
    setTyped("");
    onClose();
  };
  return (
    <Dialog
      returnFocusTo={returnFocusTo}
      open={apiKey !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      title="Delete API key"
      description={
        apiKey ? (
          <>
            Applications using “{apiKey.name}” ({apiKey.keyId}) will stop working at once. This cannot be undone.
          </>
        ) : undefined
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) onConfirm(typed);
        }}
        className="space-y-4"
      >
        <Field id="confirm-name" label={`Type “${apiKey?.name ?? ""}” to confirm`} error={error}>
          {(aria) => (
            <input {...aria} value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} autoComplete="off" />
          )}
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!matches || pending}>
            {pending ? "Deleting…" : "Delete key"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
