/** The app's header: product name, the active account, the signed-in user and their role, switcher and sign-out slots. */
import { Button } from "@/components/ui/button";

type Props = {
  email: string;
  accountName: string;
  roleLabel: string;
  switcher?: React.ReactNode;
  signOut: () => Promise<void>;
};

export function AppHeader({ email, accountName, roleLabel, switcher, signOut }: Props) {
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
            <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Role: {roleLabel}</span>
          </p>
          {switcher}
          <form action={signOut}>
            <Button type="submit" variant="secondary" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
