/** One form for "New keys" and "Edit": the same zod schema validates here (raw values) and on the server. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/core/action-result";
import { PERMISSIONS, PERMISSION_LABELS, SCOPES, SCOPE_LABELS } from "../catalog";
import type { MailingDto } from "../types";
import { createApiKeySchema, DESCRIPTION_MAX, NAME_MAX, type ApiKeyFormValues } from "../schema";
import { Button } from "@/components/ui/button";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";

/** "12 / 64 characters", red and saying how many too many once past the limit (nothing is cut silently). */
function Counter({ length, max }: { length: number; max: number }) {
  const over = length - max;
  return (
    <span className={over > 0 ? "font-medium text-red-700" : undefined}>
      {length} / {max} characters{over > 0 ? ` — ${over} too many` : ""}
    </span>
  );
}

type KeyFormProps = {
  initial: ApiKeyFormValues;
  mailings: MailingDto[];
  submitLabel: string;
  pending: boolean;
  notice?: React.ReactNode;
  onSubmit: (values: ApiKeyFormValues, report: (result: ActionResult<unknown>) => void) => void;
  onCancel: () => void;
};

export function KeyForm({ initial, mailings, submitLabel, pending, notice, onSubmit, onCancel }: KeyFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<ApiKeyFormValues>({
    resolver: zodResolver(createApiKeySchema, undefined, { raw: true }),
    defaultValues: initial,
  });

  // eslint-disable-next-line react-hooks/incompatible-library -- watch() re-renders this form on each keystroke, as intended
  const [name, description] = watch(["name", "description"]);
  const submit = handleSubmit((values) => onSubmit(values, (result) => applyActionErrors(result, setError)));

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {notice}
      <Field id="key-name" label="Name" hint={<Counter length={name?.length ?? 0} max={NAME_MAX} />} error={errors.name?.message}>
        {(aria) => <input {...aria} {...register("name")} className={inputClass} autoComplete="off" />}
      </Field>
      <Field id="key-description" label="Description" hint={<>Optional. <Counter length={description?.length ?? 0} max={DESCRIPTION_MAX} /></>} error={errors.description?.message}>
        {(aria) => <textarea {...aria} {...register("description")} rows={2} className={inputClass} />}
      </Field>

      <fieldset aria-describedby="scopes-error">
        <legend className="text-sm font-medium">Scopes</legend>
        <p className="text-xs text-slate-500">What this key may access.</p>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={scope} {...register("scopes")} className="size-4" />
              {SCOPE_LABELS[scope]}
            </label>
          ))}
        </div>
        <FieldError id="scopes-error" message={errors.scopes?.message} />
      </fieldset>

      <fieldset aria-describedby="permissions-error">
        <legend className="text-sm font-medium">Advanced permissions</legend>
        <div className="mt-2 space-y-2">
          {PERMISSIONS.map((permission) => (
            <label key={permission} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={permission} {...register("permissions")} className="size-4" />
              {PERMISSION_LABELS[permission]}
            </label>
          ))}
        </div>
        <FieldError id="permissions-error" message={errors.permissions?.message} />
      </fieldset>

      <Field
        id="key-allowed-ips"
        label="Allowed IP addresses"
        hint="One address or range per line: IPv4 or IPv6 addresses or CIDR ranges (e.g. 203.0.113.0/24). Leave empty to allow any address."
        error={errors.allowedIps?.message}
      >
        {(aria) => <textarea {...aria} {...register("allowedIps")} rows={3} className={`${inputClass} font-mono`} spellCheck={false} />}
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="key-expires" label="Expiry date" hint="Optional. The key stops working after this day (UTC)." error={errors.expiresOn?.message}>
          {(aria) => <input {...aria} type="date" {...register("expiresOn")} className={inputClass} />}
        </Field>
        <Field id="key-mailing" label="Default opt-in mailing" hint="Optional." error={errors.defaultMailingId?.message}>
          {(aria) => (
            <select {...aria} {...register("defaultMailingId")} className={inputClass}>
              <option value="">None</option>
              {mailings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <p role="alert" className="min-h-5 text-sm text-red-700">
        {errors.root?.message ?? ""}
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
