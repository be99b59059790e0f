/** The apps page's smaller dialogs: reset the secret (with a grace time for the old one) and submit for review. */
"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/core/action-result";
import { ROTATION_GRACE, ROTATION_GRACE_OPTIONS, type RotationGrace } from "@/modules/api-keys/catalog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { submitForReviewSchema } from "../schema";
import type { OAuthAppDto } from "../types";
import type { z } from "zod";

export function ResetSecretDialog({ app, pending, onConfirm, onClose }: { app: OAuthAppDto | null; pending: boolean; onConfirm: (g: RotationGrace) => void; onClose: () => void }) {
  const [grace, setGrace] = useState<RotationGrace>("now");
  return (
    <Dialog open={app !== null} onOpenChange={(o) => (o ? undefined : onClose())} title="Reset secret"
      description={app ? <>Issue a new Client Secret for “{app.name}”. Tokens already issued keep working.</> : undefined}>
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); onConfirm(grace); }}>
        <fieldset>
          <legend className="text-sm font-medium">When should the old secret stop working?</legend>
          <div className="mt-2 space-y-2">
            {ROTATION_GRACE_OPTIONS.map((option) => (
              <label key={option} className="flex items-center gap-2 text-sm">
                <input type="radio" name="grace" value={option} checked={grace === option} onChange={() => setGrace(option)} className="size-4" />
                {ROTATION_GRACE[option].label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Working…" : "Reset secret"}</Button>
        </div>
      </form>
    </Dialog>
  );
}

type ReviewValues = z.input<typeof submitForReviewSchema>;

export function SubmitForReviewDialog({ app, pending, onSubmit, onClose }: {
  app: OAuthAppDto; pending: boolean; onClose: () => void;
  onSubmit: (values: ReviewValues, report: (r: ActionResult<unknown>) => void) => void;
}) {
  const { register, handleSubmit, setError, formState: { errors } } = useForm<ReviewValues>({
    resolver: zodResolver(submitForReviewSchema, undefined, { raw: true }),
    defaultValues: { id: app.id, website: app.website ?? "", logoUrl: app.logoUrl ?? "" },
  });
  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : onClose())} title="Submit for review"
      description={<>Staff review “{app.name}” before it appears on the public Integrations page with its name, description, developer and website.</>}>
      <form noValidate className="space-y-4" onSubmit={handleSubmit((v) => onSubmit(v, (r) => applyActionErrors(r, setError)))}>
        <Field id="review-website" label="Website" hint="https only." error={errors.website?.message}>
          {(aria) => <input {...aria} {...register("website")} className={inputClass} placeholder="https://example.com" autoComplete="url" />}
        </Field>
        <Field id="review-logo" label="Logo URL" hint="Optional; https only." error={errors.logoUrl?.message}>
          {(aria) => <input {...aria} {...register("logoUrl")} className={inputClass} placeholder="https://example.com/logo.png" />}
        </Field>
        <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Working…" : "Submit for review"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
