/** The public form's client side: the shared form for integrators, then "check your inbox". */
"use client";

import { useState } from "react";
import { submitPublicRequestAction } from "../actions";
import { RequestForm } from "./request-form";

export function PublicRequestForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) {
    return (
      <div role="status" className="rounded-md border border-green-200 bg-green-50 p-4 text-green-900">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1">We sent a link to {sentTo}. Open it within 24 hours to confirm your address; then our staff review your request.</p>
      </div>
    );
  }
  return (
    <RequestForm
      account={null}
      useCases={["integrator"]}
      defaultUseCase="integrator"
      submit={(values) => submitPublicRequestAction({ ...values, useCase: "integrator", fax: values.fax ?? "" })}
      onSent={(values) => setSentTo(values.contactEmail)}
      submitLabel="Send request"
    />
  );
}
