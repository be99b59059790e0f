/** The consent screen's choice: which account to connect, then Allow or Deny; the browser then goes back to the app. */
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { authorizeAppAction } from "../actions";
import type { AuthorizeDecision } from "../schema";

type Account = { id: string; label: string };

export function ConsentForm({ params, accounts, appName }: { params: AuthorizeDecision["params"]; accounts: Account[]; appName: string }) {
  const [accountId, setAccountId] = useState(accounts[0]!.id);
  const [error, setError] = useState("");
  const { pending, run } = useActionRunner();
  const decide = (allow: boolean) =>
    run(() => authorizeAppAction({ params, accountId, allow }), {}, (r) => {
      if (r.ok) window.location.assign(r.data.redirectTo);
      else setError(r.error);
    });
  return (
    <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); decide(true); }}>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Account to connect</legend>
        <div className="mt-2 space-y-2">
          {accounts.map((a) => (
            <label key={a.id} className="flex items-center gap-2 text-sm">
              <input type="radio" name="account" value={a.id} checked={accountId === a.id} onChange={() => setAccountId(a.id)} className="size-4" />
              {a.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p role="alert" className="min-h-5 text-sm text-red-700">{error}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => decide(false)} disabled={pending}>Deny</Button>
        <Button type="submit" disabled={pending} aria-label={`Allow ${appName}`}>{pending ? "Working…" : "Allow"}</Button>
      </div>
    </form>
  );
}
