/** Change password: the rule is shown beside the field and checked here and on the server with one schema. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { PASSWORD_RULE } from "@/core/password-policy";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { changePasswordAction } from "../actions";
import { changePasswordSchema, type ChangePasswordValues } from "../schema";

const EMPTY: ChangePasswordValues = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const { pending, run } = useActionRunner();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema, undefined, { raw: true }),
    defaultValues: EMPTY,
  });
  const submit = handleSubmit((values) =>
    run(() => changePasswordAction(values), { success: "Password changed. Your other sessions have been signed out." }, (r) =>
      r.ok ? reset(EMPTY) : applyActionErrors(r, setError),
    ),
  );
  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-4">
      <Field id="current-password" label="Current password" error={errors.currentPassword?.message}>
        {(aria) => <input {...aria} {...register("currentPassword")} type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <Field id="new-password" label="New password" hint={PASSWORD_RULE} error={errors.newPassword?.message}>
        {(aria) => <input {...aria} {...register("newPassword")} type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="confirm-password" label="Repeat the new password" error={errors.confirmPassword?.message}>
        {(aria) => <input {...aria} {...register("confirmPassword")} type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <Button type="submit" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
