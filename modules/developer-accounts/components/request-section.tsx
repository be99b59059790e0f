/** "Create a developer account to get started": opens the request form in place; closed again once it is sent. */
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { requestDeveloperAccountAction } from "../actions";
import type { AccountRef, UseCase } from "../schema";
import { RequestForm } from "./request-form";

export function RequestSection({ account, defaultUseCase, startOpen }: { account: AccountRef; defaultUseCase: UseCase; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen);
  const router = useRouter();
  if (!open) return <Button onClick={() => setOpen(true)}>Create a developer account to get started</Button>;
  return (
    <section aria-labelledby="request-form-title" className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4 sm:p-6">
      <h2 id="request-form-title" className="text-lg font-semibold">Request a developer account</h2>
      <p className="text-sm text-slate-700">Developer accounts are free, have sending limits like a free trial and are never for production use. Our staff review each request.</p>
      <RequestForm
        account={account}
        useCases={["staging", "whitelabel", "integrator"]}
        defaultUseCase={defaultUseCase}
        submit={(values) => requestDeveloperAccountAction(values)}
        onSent={() => {
          toast.success("Request sent to our staff");
          setOpen(false);
          router.refresh();
        }}
        submitLabel="Send request"
      />
    </section>
  );
}
