/**
 * Shows a freshly issued key exactly once. The key lives only in the parent's state and is dropped on "Done";
 * the dialog cannot be dismissed by accident (Escape / outside click) while it is the only copy.
 */
"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

export type RevealedKey = { plaintextKey: string; name: string };

export function KeyRevealDialog({ revealed, onDone }: { revealed: RevealedKey | null; onDone: () => void }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    if (!revealed) return;
    try {
      await navigator.clipboard.writeText(revealed.plaintextKey);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  function done() {
    setCopied(false);
    onDone();
  }

  return (
    <Dialog
      open={revealed !== null}
      onOpenChange={(open) => (open ? undefined : done())}
      title="Your new API key"
      description={revealed ? <>For “{revealed.name}”.</> : undefined}
      size="lg"
      dismissible={false}
    >
      {revealed ? (
        <div className="space-y-4">
          <div className="space-y-1">
            <label htmlFor="revealed-key" className="block text-sm font-medium">
              API key
            </label>
            <div className="flex gap-2">
              <input
                id="revealed-key"
                readOnly
                value={revealed.plaintextKey}
                onFocus={(e) => e.currentTarget.select()}
                className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
                spellCheck={false}
                autoComplete="off"
              />
              <Button variant="secondary" onClick={copy} aria-describedby="copy-status">
                Copy
              </Button>
            </div>
            <p id="copy-status" role="status" className="min-h-4 text-xs text-green-700">
              {copied ? "Copied" : ""}
            </p>
          </div>
          <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="note">
            Copy this key now and store it somewhere safe. It will not be shown again: we keep only a hash of it.
          </p>
          <div className="flex justify-end">
            <Button onClick={done}>Done</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
