/**
 * The header's account switcher (shown when the user belongs to more than one account): lists each account with
 * the user's role there; choosing one switches on the server, then reloads the page in that account.
 */
"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useState, useSyncExternalStore, useTransition } from "react";
import { toast } from "sonner";
import { switchAccountAction } from "../actions";

export type SwitcherAccount = { accountId: string; accountName: string; number: string; isSubaccount: boolean; roleLabel: string };

const noSubscription = () => () => {};

export function AccountSwitcher({ accounts, activeId }: { accounts: SwitcherAccount[]; activeId: string }) {
  const [pending, startTransition] = useTransition();
  // Set once the switch succeeded: the reload that shows the new account (and clears every client-side state)
  // is on its way. Until it replaces this document the switcher stays busy, so a click cannot land on a page
  // about to vanish.
  const [reloading, setReloading] = useState(false);
  // Server-rendered as disabled until React has hydrated it: before that a click on the trigger does nothing.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const busy = pending || reloading;

  function choose(accountId: string) {
    if (accountId === activeId) return;
    startTransition(async () => {
      const result = await switchAccountAction({ accountId }).catch(() => null);
      if (result?.ok) {
        setReloading(true);
        window.location.reload();
      } else toast.error(result?.error ?? "Could not switch accounts. Try again.");
    });
  }

  return (
    <Menu.Root>
      <Menu.Trigger
        disabled={busy || !hydrated}
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {busy ? "Switching…" : "Switch account"}
        <span aria-hidden>▾</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 min-w-64 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <Menu.Label className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Your accounts</Menu.Label>
          <Menu.RadioGroup value={activeId} onValueChange={choose}>
            {accounts.map((a) => (
              <Menu.RadioItem
                key={a.accountId}
                value={a.accountId}
                className="flex cursor-pointer items-center justify-between gap-4 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100"
              >
                <span className={`flex items-center gap-1 ${a.isSubaccount ? "pl-4" : ""}`}>
                  <span className="inline-block w-4" aria-hidden>
                    <Menu.ItemIndicator>✓</Menu.ItemIndicator>
                  </span>
                  {a.accountName}
                  <span className="font-mono text-xs text-slate-600">{a.number}</span>
                </span>
                <span className="text-xs text-slate-600">{a.roleLabel}</span>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
