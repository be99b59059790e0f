/** The sign-in page. A visitor who is already signed in (a live server-side session) goes straight on. */
import { redirect } from "next/navigation";
import { getActorContext, getSession, listMemberships } from "@/lib/auth/context";
import { getStaffContext } from "@/lib/auth/staff";
import { KEYS_PATH } from "@/modules/api-keys/nav";
import { STAFF_PATH } from "@/modules/staff/nav";
import { safeCallbackPath } from "../schema";
import { LoginForm } from "./login-form";
import { SignOutButton } from "./sign-out-button";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export async function LoginPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw) ?? undefined;
  if (await getActorContext()) redirect(callbackUrl ?? KEYS_PATH);
  if (await getStaffContext()) redirect(callbackUrl?.startsWith(STAFF_PATH) ? callbackUrl : STAFF_PATH);
  const session = await getSession();
  // Signed in, but every membership is gone (removed, left): say so rather than ask for a password again.
  if (session && !callbackUrl?.startsWith("/invitations/")) {
    const email = (await listMemberships(session.userId))?.email;
    return (
      <main className="flex min-h-screen items-center justify-center px-4">
        <div className="w-full max-w-sm space-y-3 rounded-lg border border-slate-200 bg-surface p-8 shadow-sm">
          <p className="text-sm font-semibold text-brand-600">Developer&apos;s corner</p>
          <h1 className="text-2xl font-semibold">No account</h1>
          <p className="text-sm text-slate-700">You are signed in as <strong>{email}</strong>, but you are not a member of any account. Ask an owner or admin to invite you.</p>
          <SignOutButton />
        </div>
      </main>
    );
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-brand-600">Developer&apos;s corner</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Manage your account&apos;s API keys.</p>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
