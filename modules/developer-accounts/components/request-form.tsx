/**
 * The developer-account request form, shared by the Integrations page (an account's own request, with the
 * Company rule for it) and the public form (integrators, with a honeypot). The same zod schema runs on the server.
 */
"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/core/action-result";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-errors";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { developerRequestSchema, emptyRequestForm, publicRequestSchema, USE_CASE_LABELS, type AccountRef, type DeveloperRequestValues, type UseCase } from "../schema";

type FormValues = DeveloperRequestValues & { fax?: string };

type Props = {
  /** The requesting account (Company rule); null on the public form. */
  account: AccountRef | null;
  useCases: readonly UseCase[];
  defaultUseCase: UseCase;
  submit: (values: FormValues) => Promise<ActionResult<unknown>>;
  onSent: (values: DeveloperRequestValues) => void;
  submitLabel: string;
};

export function RequestForm({ account, useCases, defaultUseCase, submit, onSent, submitLabel }: Props) {
  const { pending, run } = useActionRunner();
  const schema = account ? developerRequestSchema(account) : publicRequestSchema;
  const { register, handleSubmit, setError, control, formState: { errors } } = useForm<FormValues>({
    // Both schemas accept these values; the public one narrows the use case and adds the honeypot.
    resolver: zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<FormValues>,
    defaultValues: { ...emptyRequestForm(defaultUseCase), ...(account ? {} : { fax: "" }) },
  });
  const useCase = useWatch({ control, name: "useCase" });
  const example = account ? `${account.name} m${account.number}` : "Your company name";
  const onSubmit = handleSubmit((values) =>
    run(() => submit(values), {}, (r) => (r.ok ? onSent(values) : applyActionErrors(r, setError))),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Developer account request" className="space-y-4">
      {useCases.length > 1 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Use case</legend>
          {useCases.map((u) => (
            <label key={u} className="flex items-start gap-2 text-sm">
              <input type="radio" value={u} {...register("useCase")} className="mt-1" />
              <span>{USE_CASE_LABELS[u]}</span>
            </label>
          ))}
          <p aria-live="polite" className="text-xs text-red-700">{errors.useCase?.message ?? ""}</p>
        </fieldset>
      ) : null}
      <Field id="dev-company" label="Company" hint={useCase === "integrator" ? "Your company's name." : <>Your account&apos;s name followed by its number, e.g. “{example}”.</>} error={errors.company?.message}>
        {(aria) => <input {...aria} {...register("company")} autoComplete="organization" className={inputClass} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="dev-contact-name" label="Contact name" error={errors.contactName?.message}>
          {(aria) => <input {...aria} {...register("contactName")} autoComplete="name" className={inputClass} />}
        </Field>
        <Field id="dev-contact-email" label="Contact email" error={errors.contactEmail?.message}>
          {(aria) => <input {...aria} {...register("contactEmail")} type="email" autoComplete="email" className={inputClass} />}
        </Field>
      </div>
      {useCase === "integrator" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="dev-platform" label="Third-party platform" hint="The platform you connect us with, e.g. Shopware." error={errors.platform?.message}>
            {(aria) => <input {...aria} {...register("platform")} className={inputClass} />}
          </Field>
          <Field id="dev-website" label="Website" hint="https://…" error={errors.website?.message}>
            {(aria) => <input {...aria} {...register("website")} type="url" autoComplete="url" className={inputClass} />}
          </Field>
        </div>
      ) : null}
      <Field id="dev-description" label="What are you building?" hint="20 to 2,000 characters." error={errors.description?.message}>
        {(aria) => <textarea {...aria} {...register("description")} rows={4} maxLength={2000} className={inputClass} />}
      </Field>
      {account ? null : (
        // Honeypot: hidden from people and assistive technology; bots that fill every field give themselves away.
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="dev-fax">Fax</label>
          <input id="dev-fax" {...register("fax")} tabIndex={-1} autoComplete="off" />
        </div>
      )}
      <p role="alert" className="min-h-5 text-sm text-red-700">{errors.root?.message ?? ""}</p>
      <Button type="submit" disabled={pending}>{pending ? "Sending…" : submitLabel}</Button>
    </form>
  );
}
