/** Staff › Requests › one request: what is asked, by whom, for which account, and the decision. */
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/staff";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/components/ui/format";
import { getRequest } from "../data/requests";
import { STAFF_REQUESTS_PATH } from "../nav";
import { DecisionForms } from "./decision-forms";
import { DeveloperRequestRows, WhatApprovalDoes } from "./developer-request-rows";
import { IntegrationRows, UnlistForm, type IntegrationDetails } from "./integration-details";
import { STATUS_LABELS, STATUS_STYLES, TYPE_LABELS } from "./labels";

export async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const request = await getRequest(staff, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const details = request.details as { count?: number; reason?: string; currentLimit?: number };
  const app = request.type === "integration" ? (request.details as IntegrationDetails) : null;
  return (
    <section aria-labelledby="request-title" className="max-w-3xl space-y-6">
      <p className="text-sm"><Link href={STAFF_REQUESTS_PATH} className="text-brand-700 underline">← All requests</Link></p>
      <div>
        <h1 id="request-title" className="text-2xl font-semibold">{TYPE_LABELS[request.type]}</h1>
        <span className={`mt-2 inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[request.status]}`}>{STATUS_LABELS[request.status]}</span>
      </div>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-surface p-4 text-sm">
        <dt className="font-medium">Account</dt>
        <dd>
          {request.account ? <>{request.account.name} <span className="font-mono">{request.account.number}</span></> : "— (no account: a public request)"}
          {request.account && request.type === "subaccounts" ? <> — {request.account.subaccounts} of {request.account.maxSubaccounts} subaccounts</> : null}
        </dd>
        <dt className="font-medium">Requested by</dt>
        <dd>{request.requestedBy ?? "—"}, {formatDateTime(request.createdAt)}</dd>
        {details.count !== undefined ? (<><dt className="font-medium">Asks for</dt><dd>{details.count} more subaccount{details.count === 1 ? "" : "s"}</dd></>) : null}
        {request.type === "developer_account" ? <DeveloperRequestRows details={request.details} /> : null}
        {app ? <IntegrationRows app={app} /> : null}
        {details.reason ? (<><dt className="font-medium">Reason</dt><dd className="whitespace-pre-line">{details.reason}</dd></>) : null}
        {request.decidedAt ? (
          <>
            <dt className="font-medium">Decision</dt>
            <dd>{STATUS_LABELS[request.status]} by {request.decidedBy ?? "a former staff member"}, {formatDateTime(request.decidedAt)}{request.decisionReason ? `: ${request.decisionReason}` : ""}</dd>
          </>
        ) : null}
      </dl>
      {request.status === "pending" && request.type === "developer_account" ? <WhatApprovalDoes mainAccount={request.account?.name ?? null} /> : null}
      {request.status === "pending" ? (
        <DecisionForms id={request.id} showsLimit={request.type === "subaccounts"} suggestedLimit={(request.account?.maxSubaccounts ?? 0) + (details.count ?? 0)} />
      ) : (
        <p className="text-sm text-slate-700">Decisions are final.</p>
      )}
      {app && request.status === "approved" ? <UnlistForm appId={app.appId} /> : null}
    </section>
  );
}
