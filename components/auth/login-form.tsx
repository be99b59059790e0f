"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { loginAction } from "@/app/(auth)/login/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await loginAction({ email: String(form.get("email")), password: String(form.get("password")) });
      if (result.ok) {
        router.replace(result.data.redirectTo);
        router.refresh();
      } else {
        setError(result.error);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="email" label="Email">
        {(aria) => <input {...aria} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <Field id="password" label="Password">
        {(aria) => (
          <input {...aria} name="password" type="password" autoComplete="current-password" required className={inputClass} />
        )}
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {error ?? ""}
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
