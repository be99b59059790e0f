/** Runs a server action in a transition and toasts its outcome; returns the result for forms to map errors. */
"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/core/action-result";

export function useActionRunner() {
  const [pending, startTransition] = useTransition();
  function run<T>(call: () => Promise<ActionResult<T>>, messages: { success?: string }, onDone?: (r: ActionResult<T>) => void) {
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await call();
      } catch {
        result = { ok: false, error: "Could not reach the server. Check your connection and try again." };
      }
      if (result.ok && messages.success) toast.success(messages.success);
      if (!result.ok && !result.fieldErrors) toast.error(result.error);
      onDone?.(result);
    });
  }
  return { pending, run };
}
