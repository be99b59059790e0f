/** A destructive action confirmed by typing the thing's name (GitHub's repository-deletion pattern). */
"use client";

import { useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { Field, inputClass } from "./field";

type Props = {
  open: boolean;
  title: string;
  description: React.ReactNode;
  name: string;
  confirmLabel: string;
  pending: boolean;
  error?: string;
  onConfirm: (typed: string) => void;
  onClose: () => void;
};

export function TypedConfirmDialog({ open, title, description, name, confirmLabel, pending, error, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    onClose();
  };
  const matches = typed.trim() === name;
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? undefined : close())} title={title} description={description}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) onConfirm(typed);
        }}
      >
        <Field id="typed-confirm" label={`Type “${name}” to confirm`} error={error}>
          {(aria) => <input {...aria} value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={pending}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={!matches || pending}>{pending ? "Working…" : confirmLabel}</Button>
        </div>
      </form>
    </Dialog>
  );
}
