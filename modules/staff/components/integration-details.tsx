/** An integration request: the app as submitted, and (once approved) a form to unlist it from the public catalog. */
"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { unlistIntegrationAction } from "../actions";
import { unlistSchema, type UnlistValues } from "../schema";

export type IntegrationDetails = { appId: string; clientId: string; name: string; description: string; developerName: string; website: string; logoUrl: string | null };

export function IntegrationRows({ app }: { app: IntegrationDetails }) {
  return (
    <>
      <dt className="font-medium">App</dt>
      <dd>{app.name} <span className="font-mono">{app.clientId}</span></dd>
      <dt className="font-medium">Developer</dt>
      <dd>{app.developerName}</dd>
      <dt className="font-medium">Description</dt>
      <dd className="whitespace-pre-line">{app.description}</dd>
      <dt className="font-medium">Website</dt>
      <dd className="break-all">{app.website}</dd>
      <dt className="font-medium">Logo</dt>
      <dd className="break-all">{app.logoUrl ?? "None"}</dd>
    </>
  );
}

export function UnlistForm({ appId }: { appId: string }) {
  const { pending, run } = useActionRunner();
  const form = useForm<UnlistValues>({ resolver: zodResolver(unlistSchema, undefined, { raw: true }), defaultValues: { appId, reason: "" } });
  return (
    <form
      noValidate
      aria-labelledby="unlist-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4"
      onSubmit={form.handleSubmit((values) => run(() => unlistIntegrationAction(values), { success: "Unlisted from the catalog" }, (r) => applyActionErrors(r, form.setError)))}
    >
      <h2 id="unlist-title" className="font-semibold">Unlist from the integrations catalog</h2>
      <Field id="unlist-reason" label="Reason" hint="Shown to the developer." error={form.formState.errors.reason?.message}>
        {(aria) => <textarea {...aria} {...form.register("reason")} rows={2} maxLength={1000} className={inputClass} />}
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-700">{form.formState.errors.root?.message ?? ""}</p>
      <Button type="submit" variant="danger" disabled={pending}>Unlist</Button>
    </form>
  );
}
