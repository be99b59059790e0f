/** Which key emails to get: two checkboxes and Save, validated with the same schema as the action. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ROTATION_AGE_DAYS } from "@/core/notifications/rotation";
import { Button } from "@/components/ui/button";
import { applyActionErrors } from "@/components/ui/form-errors";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { updateNotificationsAction } from "../actions";
import { notificationsSchema, type NotificationsValues } from "../schema";

export function NotificationsForm({ initial }: { initial: Required<NotificationsValues> }) {
  const { pending, run } = useActionRunner();
  const { register, handleSubmit, setError, reset, formState: { errors, isDirty } } = useForm<NotificationsValues>({
    resolver: zodResolver(notificationsSchema, undefined, { raw: true }),
    defaultValues: initial,
  });
  const submit = handleSubmit((values) =>
    run(() => updateNotificationsAction(values), { success: "Email notifications saved" }, (r) => (r.ok ? reset(r.data) : applyActionErrors(r, setError))),
  );
  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...register("keyExpiry")} className="mt-0.5 size-4" />
        <span>A key expires within 7 days<span className="block text-xs text-slate-600">One email per key and expiry date.</span></span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...register("rotationDigest")} className="mt-0.5 size-4" />
        <span>Weekly digest of keys due for rotation<span className="block text-xs text-slate-600">Keys whose secret has not changed for {ROTATION_AGE_DAYS} days or more (the account’s rotation period).</span></span>
      </label>
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <Button type="submit" disabled={pending || !isDirty}>{pending ? "Saving…" : "Save notifications"}</Button>
    </form>
  );
}
