/** A yes/no confirmation for a consequential action (suspend, resume, sign out everywhere…). */
"use client";

import { Button } from "./button";
import { Dialog } from "./dialog";

type Props = {
  open: boolean;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

export function ConfirmDialog({ open, title, description, confirmLabel, danger, pending, onConfirm, onClose }: Props) {
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? undefined : onClose())} title={title} description={description}>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
        <Button variant={danger ? "danger" : "primary"} onClick={onConfirm} disabled={pending}>{pending ? "Working…" : confirmLabel}</Button>
      </div>
    </Dialog>
  );
}
