/**
 * Settings › Account settings › Integrations (owners and admins): request a developer account, follow the
 * requests, and switch into the developer accounts linked to this account. `?useCase=whitelabel` (the button on
 * a whitelabel account's API keys page) opens the form with that use case.
 */
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/layout/no-access";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { getIntegrationsOverview } from "../data/queries";
import { USE_CASES, type UseCase } from "../schema";
import { LinkedAccountsTable, RequestsTable } from "./integrations-tables";
import { RequestSection } from "./request-section";

type Props = { searchParams: Promise<{ useCase?: string | string[] }> };

export async function IntegrationsPage({ searchParams }: Props) {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "developerAccounts.view")) return <NoAccess what="integrations" />;
  const title = <h1 id="integrations-title" className="text-2xl font-semibold">Integrations</h1>;
  if (ctx.accountKind === "developer") {
    return (
      <section aria-labelledby="integrations-title" className="max-w-2xl space-y-2">
        {title}
        <p className="text-sm text-slate-700">{ctx.accountName} is a developer account: it cannot request developer accounts. Switch to your main account to request another.</p>
      </section>
    );
  }
  const asked = (await searchParams).useCase;
  const preset = USE_CASES.find((u) => u === (Array.isArray(asked) ? asked[0] : asked));
  const defaultUseCase: UseCase = preset ?? (ctx.accountKind === "whitelabel" ? "whitelabel" : "staging");
  const { requests, linked } = await getIntegrationsOverview(ctx);
  return (
    <section aria-labelledby="integrations-title" className="max-w-4xl space-y-8">
      <div className="space-y-2">
        {title}
        <p className="text-sm text-slate-700">
          A developer account is a separate, free account for building an integration: a staging environment for {ctx.accountName}, API keys for a
          whitelabel account, or a connector with a third-party platform. It has sending limits like a free trial and is never for production use.
        </p>
      </div>
      {can(ctx.role, "developerAccounts.request") ? (
        <RequestSection account={{ name: ctx.accountName, number: ctx.accountNumber }} defaultUseCase={defaultUseCase} startOpen={preset !== undefined} />
      ) : null}
      <section aria-labelledby="requests-title" className="space-y-3">
        <h2 id="requests-title" className="text-lg font-semibold">Requests</h2>
        <RequestsTable requests={requests} />
      </section>
      <section aria-labelledby="linked-title" className="space-y-3">
        <h2 id="linked-title" className="text-lg font-semibold">Developer accounts</h2>
        <LinkedAccountsTable accounts={linked} />
      </section>
    </section>
  );
}
