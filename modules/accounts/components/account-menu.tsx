/**
 * The header's account menu: who is signed in, a link to the profile, "Sign out" (this browser) and
 * "Sign out everywhere" (every session of this person, after a confirmation).
 */
"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { signOutAction, signOutEverywhereAction } from "@/modules/auth/actions";
import { PROFILE_PATH } from "@/modules/profile/nav";

const ITEM = "block cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100";

type Props = { email: string; roleLabel: string; accountName: string; accountNumber: string };

export function AccountMenu({ email, roleLabel, accountName, accountNumber }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const trigger = useRef<HTMLButtonElement>(null);
  const everywhere = () =>
    startTransition(async () => {
      const result = await signOutEverywhereAction({});
      if (result && !result.ok) toast.error(result.error);
    });
  return (
    <>
      <Menu.Root>
        <Menu.Trigger ref={trigger} aria-label="Account menu" className="inline-flex max-w-56 items-center gap-1 truncate rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50">
          <span className="truncate">{email}</span>
          <span aria-hidden>▾</span>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="end" sideOffset={6} className="z-50 min-w-60 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
            <Menu.Label className="px-2 py-1.5 text-xs text-slate-600">
              <span className="block font-medium text-slate-900">{email}</span>
              {roleLabel} in {accountName} <span className="font-mono">{accountNumber}</span>
            </Menu.Label>
            <Menu.Separator className="my-1 h-px bg-slate-200" />
            <Menu.Item asChild className={ITEM}>
              <Link href={PROFILE_PATH}>Profile and password</Link>
            </Menu.Item>
            <Menu.Item className={ITEM} onSelect={() => startTransition(() => signOutAction())}>
              Sign out
            </Menu.Item>
            <Menu.Item className={`${ITEM} text-red-700`} onSelect={() => setConfirming(true)}>
              Sign out everywhere…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        returnFocusTo={trigger}
        title="Sign out everywhere?"
        description="Every browser and device signed in as you is signed out now, this one included."
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
          <Button variant="danger" onClick={everywhere} disabled={pending}>{pending ? "Signing out…" : "Sign out everywhere"}</Button>
        </div>
      </Dialog>
    </>
  );
}
