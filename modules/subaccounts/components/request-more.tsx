/** "Request more subaccounts": how many and why, sent to staff; and where the latest request stands. */
"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { RelativeTime } from "@/components/ui/relative-time";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { requestMoreSubaccountsAction } from "../actions";
import { requestMoreSchema, type RequestMoreValues } from "../schema";
import type { RequestDto } from "../types";

export function RequestStatus({ request, now }: { request: RequestDto; now: number }) {
  const tone = { pending: "border-slate-200 bg-surface text-slate-800", approved: "border-green-200 bg-green-50 text-green-900", declined: "border-amber-200 bg-amber-50 text-amber-900" }[request.status];
  return (
    <div role="status" className={`rounded-md border p-3 text-sm ${tone}`}>
      <p className="font-medium">
        Your request for {request.count} more subaccount{request.count === 1 ? "" : "s"}{" "}
        {request.status === "pending" ? "is waiting for our staff" : request.status === "approved" ? "was approved" : "was declined"} (
        <RelativeTime value={request.decidedAt ?? request.createdAt} now={now} />).
      </p>
      {request.decisionReason ? <p className="mt-1">{request.status === "declined" ? "Reason: " : "Note: "}{request.decisionReason}</p> : null}
    </div>
  );
}

export function RequestMoreButton({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useActionRunner();
  const { register, handleSubmit, setError, reset, formState: { errors } } = useForm<RequestMoreValues>({
    resolver: zodResolver(requestMoreSchema, undefined, { raw: true }),
    defaultValues: { count: 1, reason: "" },
  });
  const submit = handleSubmit((values) =>
    run(() => requestMoreSubaccountsAction(values), { success: "Request sent to our staff" }, (r) => {
      if (!r.ok) return applyActionErrors(r, setError);
      reset();
      setOpen(false);
    }),
  );
  return (
    <>
      <Button variant="secondary" disabled={disabled} onClick={() => setOpen(true)}>Request more subaccounts</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Request more subaccounts" description="Our staff review requests and answer here and by email.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="request-count" label="How many more?" hint="From 1 to 50." error={errors.count?.message}>
            {(aria) => <input {...aria} {...register("count")} type="number" min={1} max={50} className={inputClass} />}
          </Field>
          <Field id="request-reason" label="What are they for?" hint="Up to 1,000 characters." error={errors.reason?.message}>
            {(aria) => <textarea {...aria} {...register("reason")} rows={3} maxLength={1000} className={inputClass} />}
          </Field>
          <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? "Sending…" : "Send request"}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
