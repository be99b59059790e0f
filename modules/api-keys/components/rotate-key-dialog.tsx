/** "Change key": a new secret for the same key id and settings; the owner picks when the old one stops. */
"use client";

import { useState } from "react";
import { ROTATION_GRACE, ROTATION_GRACE_OPTIONS, type RotationGrace } from "../catalog";
import type { ApiKeyDto } from "../types";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

type Props = {
  apiKey: ApiKeyDto | null;
  pending: boolean;
  onConfirm: (grace: RotationGrace) => void;
  onClose: () => void;
  returnFocusTo?: React.RefObject<HTMLElement | null>;
};

export function RotateKeyDialog({ apiKey, pending, returnFocusTo, onConfirm, onClose }: Props) {
  const [grace, setGrace] = useState<RotationGrace>("now");
  return (
    <Dialog
      returnFocusTo={returnFocusTo}
      open={apiKey !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Change key"
      description={apiKey ? <>Issue a new secret for “{apiKey.name}” ({apiKey.keyId}). Its settings stay as they are.</> : undefined}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(grace);
        }}
        className="space-y-4"
      >
        <fieldset>
          <legend className="text-sm font-medium">When should the old secret stop working?</legend>
          <div className="mt-2 space-y-2">
            {ROTATION_GRACE_OPTIONS.map((option) => (
              <label key={option} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="grace"
                  value={option}
                  checked={grace === option}
                  onChange={() => setGrace(option)}
                  className="size-4"
                />
                {ROTATION_GRACE[option].label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Changing…" : "Change key"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
