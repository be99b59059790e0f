/** The app's header: product name, the active account and role, the theme choice, and slots for the switcher and the account menu. */
import { ThemeToggle } from "./theme-toggle";

type Props = {
  email: string;
  accountName: string;
  roleLabel: string;
  switcher?: React.ReactNode;
  accountMenu: React.ReactNode;
};

export function AppHeader({ email, accountName, roleLabel, switcher, accountMenu }: Props) {
  return (
    <header className="border-b border-slate-200 bg-surface">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <p className="font-semibold text-brand-700">Developer&apos;s corner</p>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <div role="group" aria-label="Current account">
            <span className="font-medium">{accountName}</span>
            <span className="sr-only"> — signed in as {email}</span>
            <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Role: {roleLabel}</span>
          </div>
          {switcher}
          <ThemeToggle />
          {accountMenu}
        </div>
      </div>
    </header>
  );
}
