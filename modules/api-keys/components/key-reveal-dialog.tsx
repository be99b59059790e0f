/**
 * Shows a freshly issued key exactly once, with the next step: a ready-to-copy `curl` for whoami with the real key
 * and a link to the API reference. The key lives only in the parent's state and is dropped on "Done"; the dialog
 * cannot be dismissed by accident (Escape / outside click) while it is the only copy.
 */
"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { API_REFERENCE_PATH } from "../nav";

export type RevealedKey = { plaintextKey: string; name: string };

const noSubscribe = () => () => {};

export function KeyRevealDialog({ revealed, onDone }: { revealed: RevealedKey | null; onDone: () => void }) {
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  return (
    <Dialog
      open={revealed !== null}
      onOpenChange={(open) => (open ? undefined : onDone())}
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
                className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
                spellCheck={false}
                autoComplete="off"
              />
              <CopyButton text={revealed.plaintextKey} label="Copy" size="md" />
            </div>
          </div>
          <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="note">
            Copy this key now and store it somewhere safe. It will not be shown again: we keep only a hash of it.
          </p>
          <div>
            <CodeBlock id="try-whoami" title="Try it: who does this key belong to?" code={`curl --user 'api:${revealed.plaintextKey}' ${origin}/api/v1/whoami`} />
            <p className="mt-2 text-sm text-slate-700">
              Next: the{" "}
              <Link href={API_REFERENCE_PATH} className="text-brand-700 underline" onClick={onDone}>
                API reference
              </Link>{" "}
              shows every endpoint with examples.
            </p>
          </div>
          <div className="flex justify-end">
            <Button onClick={onDone}>Done</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
