import { signOutAction } from "@/app/(auth)/login/actions";
import { ROLE_LABELS } from "@/lib/auth/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";

export function AppHeader({ email, accountName, role }: { email: string; accountName: string; role: Role }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-screen-2xl items-center justify-between gap-4 px-6 py-3">
        <p className="font-semibold text-brand-600">Developer&apos;s corner</p>
        <div className="flex items-center gap-4 text-sm">
          <p aria-label="Current account">
            <span className="font-medium">{accountName}</span>
            <span className="mx-2 text-slate-300" aria-hidden>
              |
            </span>
            <span className="text-slate-600">{email}</span>
            <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
              Role: {ROLE_LABELS[role]}
            </span>
          </p>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
