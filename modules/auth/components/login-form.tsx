/** The sign-in form: the same zod schema as the action, field errors under their fields, one alert for the rest. */
"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { loginAction } from "../actions";
import { loginSchema, type LoginValues } from "../schema";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors },
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema, undefined, { raw: true }), defaultValues: { email: "", password: "" } });

  const submit = handleSubmit((values) => {
    clearErrors("root");
    startTransition(async () => {
      const result = await loginAction({ ...values, callbackUrl }).catch(() => ({ ok: false as const, error: "Could not reach the server. Try again." }));
      if (result.ok) {
        router.replace(result.data.redirectTo);
        router.refresh();
      } else {
        applyActionErrors(result, setError);
      }
    });
  });

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      <Field id="email" label="Email" error={errors.email?.message}>
        {(aria) => <input {...aria} {...register("email")} type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        {(aria) => (
          <input {...aria} {...register("password")} type="password" autoComplete="current-password" required className={inputClass} />
        )}
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {errors.root?.message ?? ""}
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
