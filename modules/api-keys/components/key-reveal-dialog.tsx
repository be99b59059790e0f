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

/** An API key, or an OAuth app's client secret (with its public client id): the same reveal-once dialog. */
export type RevealedKey = { plaintextKey: string; name: string; clientId?: string };

const noSubscribe = () => () => {};

export function KeyRevealDialog({ revealed, onDone }: { revealed: RevealedKey | null; onDone: () => void }) {
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const isApp = revealed?.clientId !== undefined;
  const what = isApp ? "Client Secret" : "API key";
  const tryIt = revealed?.clientId
    ? { title: "Try it: a token for your own account (client credentials)", code: `curl --user '${revealed.clientId}:${revealed.plaintextKey}' -d grant_type=client_credentials ${origin}/api/v1/oauth/token` }
    : { title: "Try it: who does this key belong to?", code: `curl --user 'api:${revealed?.plaintextKey ?? ""}' ${origin}/api/v1/whoami` };
  return (
    <Dialog
      open={revealed !== null}
      onOpenChange={(open) => (open ? undefined : onDone())}
      title={isApp ? "Your new client secret" : "Your new API key"}
      description={revealed ? <>For “{revealed.name}”.</> : undefined}
      size="lg"
      dismissible={false}
    >
      {revealed ? (
        <div className="space-y-4">
          <div className="space-y-1">
            <label htmlFor="revealed-key" className="block text-sm font-medium">
              {what}
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
              <CopyButton text={revealed.plaintextKey} label={isApp ? "Copy secret" : "Copy"} size="md" />
            </div>
          </div>
          <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="note">
            Copy this {isApp ? "secret" : "key"} now and store it somewhere safe. It will not be shown again: we keep only a hash of it.
          </p>
          <div>
            <CodeBlock id="try-whoami" title={tryIt.title} code={tryIt.code} />
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
