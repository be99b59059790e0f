/** The "New API key" / "Edit" dialog around KeyForm; the form's own alert shows a failure (never also a toast). */
"use client";

import type { ActionResult } from "@/core/action-result";
import { toDateInput } from "@/components/ui/format";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKeyDto, MailingDto } from "../types";
import { emptyApiKeyForm, type ApiKeyFormValues } from "../schema";
import { KeyForm } from "./key-form";

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

type Props = {
  /** null: closed; "create": a new key; a key: edit it. */
  target: "create" | ApiKeyDto | null;
  mailings: MailingDto[];
  pending: boolean;
  returnFocusTo?: React.RefObject<HTMLElement | null>;
  onClose: () => void;
  onSubmit: (values: ApiKeyFormValues, report: (result: ActionResult<unknown>) => void) => void;
};

export function KeyFormDialog({ target, mailings, pending, returnFocusTo, onClose, onSubmit }: Props) {
  const editing = target !== null && target !== "create" ? target : null;
  return (
    <Dialog
      open={target !== null}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={editing ? `Edit “${editing.name}”` : "New API key"}
      size="lg"
      returnFocusTo={returnFocusTo}
      description={editing ? "The secret stays the same." : "The key's secret is shown once, right after you create it."}
    >
      {target !== null ? (
        <KeyForm
          key={editing?.id ?? "create"}
          initial={editing ? formValuesOf(editing) : emptyApiKeyForm}
          mailings={mailings}
          submitLabel={editing ? "Save changes" : "Create key"}
          pending={pending}
          onCancel={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </Dialog>
  );
}
