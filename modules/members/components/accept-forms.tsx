/** The two ways to accept an invitation: one button for a signed-in invitee, a name + password form for a new one. */
"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/core/action-result";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { acceptAsNewUserAction, acceptInvitationAction } from "../actions";
import { acceptNewUserSchema, PASSWORD_RULE, type AcceptNewUserValues } from "../schema";

const unreachable = { ok: false as const, error: "Could not reach the server. Try again." };

function useLanding() {
  const router = useRouter();
  return (r: ActionResult<{ redirectTo: string }>) => {
    if (!r.ok) return false;
    router.replace(r.data.redirectTo);
    router.refresh();
    return true;
  };
}

export function AcceptButton({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");
  const land = useLanding();
  return (
    <div className="space-y-2">
      <Button disabled={pending} onClick={() => startTransition(async () => {
        const r = await acceptInvitationAction({ token }).catch(() => unreachable);
        if (!land(r) && !r.ok) setError(r.error);
      })}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
      <p role="alert" className="min-h-5 text-sm text-red-700">{error}</p>
    </div>
  );
}

export function NewUserForm({ token, email }: { token: string; email: string }) {
  const [pending, startTransition] = useTransition();
  const land = useLanding();
  const { register, handleSubmit, setError, formState: { errors } } = useForm<AcceptNewUserValues>({
    resolver: zodResolver(acceptNewUserSchema, undefined, { raw: true }),
    defaultValues: { token, name: "", password: "", confirmPassword: "" },
  });
  const submit = handleSubmit((values) => startTransition(async () => {
    const r = await acceptAsNewUserAction(values).catch(() => unreachable);
    if (!land(r)) applyActionErrors(r, setError);
  }));
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <Field id="accept-name" label="Your name" error={errors.name?.message}>
        {(aria) => <input {...aria} {...register("name")} className={inputClass} maxLength={100} autoComplete="name" />}
      </Field>
      <Field id="accept-password" label="Password" hint={PASSWORD_RULE} error={errors.password?.message}>
        {(aria) => <input {...aria} {...register("password")} type="password" className={inputClass} maxLength={200} autoComplete="new-password" />}
      </Field>
      <Field id="accept-confirm" label="Confirm password" error={errors.confirmPassword?.message}>
        {(aria) => <input {...aria} {...register("confirmPassword")} type="password" className={inputClass} maxLength={200} autoComplete="new-password" />}
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Creating your user…" : "Join and sign in"}</Button>
    </form>
  );
}
