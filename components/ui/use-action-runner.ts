/**
 * Runs a server action in a transition and toasts its outcome; returns the result for forms to map errors.
 * `error` rewrites a failure's toast, or returns false where the caller shows it itself (a form's alert).
 */
"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/core/action-result";

export function useActionRunner() {
  const [pending, startTransition] = useTransition();
  function run<T>(call: () => Promise<ActionResult<T>>, messages: { success?: string; error?: (message: string) => string | false }, onDone?: (r: ActionResult<T>) => void) {
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await call();
      } catch {
        result = { ok: false, error: "Could not reach the server. Check your connection and try again." };
      }
      if (result.ok && messages.success) toast.success(messages.success);
      if (!result.ok && !result.fieldErrors) {
        const message = messages.error ? messages.error(result.error) : result.error;
        if (message) toast.error(message);
      }
      onDone?.(result);
    });
  }
  return { pending, run };
}
