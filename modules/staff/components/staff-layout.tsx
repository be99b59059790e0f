/** The staff console's shell. Anyone who is not staff gets a 404 here (requireStaff), signed in or not. */
import Link from "next/link";
import { requireStaff } from "@/lib/auth/staff";
import { SignOutButton } from "@/modules/auth/components/sign-out-button";
import { STAFF_ACCOUNTS_PATH, STAFF_OUTBOX_PATH, STAFF_REQUESTS_PATH } from "../nav";

export async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-surface">
        <div className="mx-auto flex max-w-screen-xl flex-wrap items-center justify-between gap-3 px-6 py-3">
          <p className="font-semibold text-brand-600">
            Developer&apos;s corner <span className="font-normal text-slate-600">· Staff console</span>
          </p>
          <nav aria-label="Staff" className="flex gap-4 text-sm">
            <Link href={STAFF_REQUESTS_PATH} className="text-brand-700 underline-offset-4 hover:underline">Requests</Link>
            <Link href={STAFF_ACCOUNTS_PATH} className="text-brand-700 underline-offset-4 hover:underline">Accounts</Link>
            <Link href={STAFF_OUTBOX_PATH} className="text-brand-700 underline-offset-4 hover:underline">Outbox</Link>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">{staff.email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-screen-xl px-6 py-8">{children}</main>
    </div>
  );
}
