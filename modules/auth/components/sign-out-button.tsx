/** A plain "Sign out" button (the staff console has no account menu). */
"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "../actions";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" size="sm" disabled={pending} onClick={() => startTransition(() => signOutAction())}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
