/** Approve (with the new limit, prefilled) or decline (with a reason shown to the requester) a pending request. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { approveRequestAction, declineRequestAction } from "../actions";
import { approveRequestSchema, declineRequestSchema, type ApproveRequestValues, type DeclineRequestValues } from "../schema";

export function DecisionForms({ id, suggestedLimit, showsLimit }: { id: string; suggestedLimit: number; showsLimit: boolean }) {
  const { pending, run } = useActionRunner();
  const approve = useForm<ApproveRequestValues>({ resolver: zodResolver(approveRequestSchema, undefined, { raw: true }), defaultValues: { id, newLimit: suggestedLimit, note: "" } });
  const decline = useForm<DeclineRequestValues>({ resolver: zodResolver(declineRequestSchema, undefined, { raw: true }), defaultValues: { id, reason: "" } });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form
        noValidate
        aria-labelledby="approve-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4"
        onSubmit={approve.handleSubmit((values) => run(() => approveRequestAction(values), { success: "Request approved" }, (r) => applyActionErrors(r, approve.setError)))}
      >
        <h2 id="approve-title" className="font-semibold">Approve</h2>
        {showsLimit ? (
          <Field id="new-limit" label="New subaccount limit" hint="Prefilled with the current limit plus the number asked for." error={approve.formState.errors.newLimit?.message}>
            {(aria) => <input {...aria} {...approve.register("newLimit")} type="number" min={0} max={1000} className={inputClass} />}
          </Field>
        ) : null}
        <Field id="approve-note" label="Note to the requester" hint="Optional." error={approve.formState.errors.note?.message}>
          {(aria) => <textarea {...aria} {...approve.register("note")} rows={2} maxLength={1000} className={inputClass} />}
        </Field>
        <p role="alert" className="min-h-5 text-sm text-red-700">{approve.formState.errors.root?.message ?? ""}</p>
        <Button type="submit" disabled={pending}>Approve</Button>
      </form>
      <form
        noValidate
        aria-labelledby="decline-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4"
        onSubmit={decline.handleSubmit((values) => run(() => declineRequestAction(values), { success: "Request declined" }, (r) => applyActionErrors(r, decline.setError)))}
      >
        <h2 id="decline-title" className="font-semibold">Decline</h2>
        <Field id="decline-reason" label="Reason" hint="Shown to the requester." error={decline.formState.errors.reason?.message}>
          {(aria) => <textarea {...aria} {...decline.register("reason")} rows={3} maxLength={1000} className={inputClass} />}
        </Field>
        <p role="alert" className="min-h-5 text-sm text-red-700">{decline.formState.errors.root?.message ?? ""}</p>
        <Button type="submit" variant="danger" disabled={pending}>Decline</Button>
      </form>
    </div>
  );
}
