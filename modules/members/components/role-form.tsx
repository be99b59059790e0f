/** Invite someone (email + role) or change a member's role: one form, the same radio list of roles. */
"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/core/action-result";
import { Button } from "@/components/ui/button";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { inviteSchema, type InviteValues } from "../schema";
import { grantableRoles, type MemberRole } from "../types";

type Props = {
  actorRole: MemberRole;
  /** Set when changing a member's role: the email is shown, not edited. */
  fixedEmail?: string;
  initialRole?: MemberRole;
  submitLabel: string;
  pending: boolean;
  onSubmit: (values: { email: string; role: MemberRole }, report: (r: ActionResult<unknown>) => void) => void;
  onCancel: () => void;
};

export function RoleForm({ actorRole, fixedEmail, initialRole = "developer", submitLabel, pending, onSubmit, onCancel }: Props) {
  const { register, handleSubmit, setError, formState: { errors } } = useForm<InviteValues>({
    resolver: zodResolver(inviteSchema, undefined, { raw: true }),
    defaultValues: { email: fixedEmail ?? "", role: initialRole },
  });
  const submit = handleSubmit((v) => onSubmit({ email: v.email.trim(), role: v.role as MemberRole }, (r) => applyActionErrors(r, setError)));
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {fixedEmail ? (
        <input type="hidden" {...register("email")} />
      ) : (
        <Field id="invite-email" label="Email address" hint="We send them a link that works once and expires in 7 days." error={errors.email?.message}>
          {(aria) => <input {...aria} {...register("email")} type="email" className={inputClass} maxLength={254} autoComplete="off" />}
        </Field>
      )}
      <fieldset aria-describedby="role-error" className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Role</legend>
        {grantableRoles(actorRole).map((r) => (
          <label key={r.value} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" value={r.value} {...register("role")} className="mt-0.5 size-4" />
            <span>
              <span className="block text-sm font-medium">{r.label}</span>
              <span className="block text-xs text-slate-600">{r.description}</span>
            </span>
          </label>
        ))}
        <FieldError id="role-error" message={errors.role?.message} />
      </fieldset>
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
      </div>
    </form>
  );
}
