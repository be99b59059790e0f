/** "New keys" and "Edit" for an OAuth app: the same zod schema validates here (raw values) and on the server. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/core/action-result";
import { GRANT_LABELS, GRANT_TYPES } from "@/core/oauth/grants";
import { Button } from "@/components/ui/button";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { createAppSchema, type AppFormValues } from "../schema";

type Props = {
  initial: AppFormValues;
  submitLabel: string;
  pending: boolean;
  onSubmit: (values: AppFormValues, report: (result: ActionResult<unknown>) => void) => void;
  onCancel: () => void;
};

export function AppForm({ initial, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { register, handleSubmit, setError, formState: { errors } } = useForm<AppFormValues>({
    resolver: zodResolver(createAppSchema, undefined, { raw: true }),
    defaultValues: initial,
  });
  const submit = handleSubmit((values) => onSubmit(values, (result) => applyActionErrors(result, setError)));
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <Field id="app-name" label="Application name" hint="Up to 64 characters, unique in this account." error={errors.name?.message}>
        {(aria) => <input {...aria} {...register("name")} className={inputClass} maxLength={64} autoComplete="off" />}
      </Field>
      <Field id="app-description" label="Description" hint="Up to 1,000 characters. Required to be featured in the integrations catalog." error={errors.description?.message}>
        {(aria) => <textarea {...aria} {...register("description")} rows={3} maxLength={1000} className={inputClass} />}
      </Field>
      <Field id="app-developer" label="Developer name or email" error={errors.developerName?.message}>
        {(aria) => <input {...aria} {...register("developerName")} className={inputClass} maxLength={200} autoComplete="off" />}
      </Field>
      <Field id="app-redirects" label="Redirect URIs" hint="One per line, matched exactly. https, or http only for localhost." error={errors.redirectUris?.message}>
        {(aria) => <textarea {...aria} {...register("redirectUris")} rows={3} className={`${inputClass} font-mono`} spellCheck={false} placeholder="https://app.example.com/oauth/callback" />}
      </Field>
      <fieldset aria-describedby="grants-error">
        <legend className="text-sm font-medium">Grant types</legend>
        <p className="text-xs text-slate-600">How the app may obtain tokens. The password grant also needs switching on after creation.</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {GRANT_TYPES.map((grant) => (
            <label key={grant} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={grant} {...register("grantTypes")} className="size-4" />
              {GRANT_LABELS[grant]}
            </label>
          ))}
        </div>
        <FieldError id="grants-error" message={errors.grantTypes?.message} />
      </fieldset>
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Working…" : submitLabel}</Button>
      </div>
    </form>
  );
}
