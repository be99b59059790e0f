/** Confirms the request (single use) and says what happens next. */
"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { confirmPublicRequestAction } from "../actions";

export function ConfirmButton({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState(false);
  const [error, setError] = useState("");
  if (done) {
    return <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-green-900">Thank you: your request is waiting for our staff. We will email you the decision.</p>;
  }
  return (
    <div className="space-y-2">
      <Button disabled={pending} onClick={() => startTransition(async () => {
        const r = await confirmPublicRequestAction({ token }).catch(() => ({ ok: false as const, error: "Could not reach the server. Try again." }));
        if (r.ok) setDone(true);
        else setError(r.error);
      })}>
        {pending ? "Confirming…" : "Confirm my request"}
      </Button>
      <p role="alert" className="min-h-5 text-sm text-red-700">{error}</p>
    </div>
  );
}
