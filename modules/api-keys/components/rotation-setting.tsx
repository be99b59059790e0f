/** "Remind to change secrets after N days": the account's rotation age, one small form with the action's schema. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { applyActionErrors } from "@/components/ui/form-errors";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { setRotationDaysAction } from "../actions";
import { rotationDaysSchema, type RotationDaysValues } from "../schema";

export function RotationSetting({ days }: { days: number }) {
  const { pending, run } = useActionRunner();
  const { register, handleSubmit, setError, reset, formState: { errors, isDirty } } = useForm<RotationDaysValues>({
    resolver: zodResolver(rotationDaysSchema, undefined, { raw: true }),
    defaultValues: { days },
  });
  const submit = handleSubmit((values) =>
    run(() => setRotationDaysAction(values), { success: "Rotation reminder saved" }, (r) => (r.ok ? reset({ days: r.data.days }) : applyActionErrors(r, setError))),
  );
  const error = errors.days?.message ?? errors.root?.message;
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
      <label htmlFor="rotation-days">Remind to change secrets after</label>
      <input
        id="rotation-days"
        {...register("days")}
        type="number"
        inputMode="numeric"
        min={7}
        max={730}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "rotation-days-error" : undefined}
        className="w-20 rounded-md border border-slate-300 bg-surface px-2 py-1"
      />
      <span>days</span>
      <Button type="submit" variant="secondary" size="sm" disabled={pending || !isDirty}>{pending ? "Saving…" : "Save"}</Button>
      <p id="rotation-days-error" role="alert" className="basis-full text-red-700 empty:hidden">{error ?? ""}</p>
    </form>
  );
}
