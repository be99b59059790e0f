/** The sign-in page. */
import { LoginForm } from "./login-form";

export function LoginPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-brand-600">Developer&apos;s corner</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Manage your account&apos;s API keys.</p>
        <LoginForm />
      </div>
    </main>
  );
}
