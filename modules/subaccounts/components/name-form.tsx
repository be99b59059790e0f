/** The one field a subaccount is created or renamed with. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import type { ActionResult } from "@/core/action-result";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { subaccountNameSchema } from "../schema";

const schema = z.object({ name: subaccountNameSchema, withKey: z.boolean() });
type Values = z.input<typeof schema>;

type Props = {
  initialName?: string;
  offerFirstKey?: boolean;
  submitLabel: string;
  pending: boolean;
  onSubmit: (values: { name: string; withKey: boolean }, report: (r: ActionResult<unknown>) => void) => void;
  onCancel: () => void;
};

export function NameForm({ initialName = "", offerFirstKey = false, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { register, handleSubmit, setError, formState: { errors } } = useForm<Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { name: initialName, withKey: offerFirstKey },
  });
  const submit = handleSubmit((values) => onSubmit({ name: values.name.trim(), withKey: values.withKey }, (r) => applyActionErrors(r, setError)));
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id="subaccount-name" label="Name" hint="Unique among this account's subaccounts." error={errors.name?.message}>
        {(aria) => <input {...aria} {...register("name")} className={inputClass} maxLength={80} autoComplete="off" />}
      </Field>
      {offerFirstKey ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("withKey")} className="size-4" />
          Create its first API key now
        </label>
      ) : null}
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
      </div>
    </form>
  );
}
