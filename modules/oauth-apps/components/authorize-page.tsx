/**
 * /oauth/authorize: the consent screen. Signed-out visitors were sent to sign in first (proxy.ts). Shows the app,
 * its developer, the scopes asked for and the accounts the user may connect (owner/admin); errors the RFC says must
 * not be redirected are shown here, the others go back to the app.
 */
import { redirect } from "next/navigation";
import { formatAccountNumber } from "@/core/account-number";
import { getSession } from "@/lib/auth/context";
import { authorizableAccounts, checkAuthorizeRequest, type AuthorizeParams } from "../data/authorize";
import { SCOPE_LABELS, type Scope } from "@/modules/api-keys/catalog";
import { ConsentForm } from "./consent-form";
import { PublicCard } from "@/components/layout/public-card";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const NAMES = ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"] as const;

export async function AuthorizePage({ searchParams }: Props) {
  const raw = await searchParams;
  const params: AuthorizeParams = {};
  for (const name of NAMES) {
    const value = raw[name];
    // RFC 6749 §3.1: a parameter sent more than once makes the request invalid; shown here, never redirected.
    if (Array.isArray(value)) return <PublicCard title="Invalid request"><p>The parameter {name} was sent more than once.</p></PublicCard>;
    if (value !== undefined) params[name] = value.slice(0, 2000);
  }
  const check = await checkAuthorizeRequest(params);
  if (check.kind === "show") return <PublicCard title="This app cannot be authorized"><p>{check.message}</p></PublicCard>;
  if (check.kind === "redirect") redirect(check.url);
  const session = await getSession();
  if (!session) redirect("/login");
  const accounts = await authorizableAccounts(session.userId);
  const { client, scopes } = check.request;
  if (accounts.length === 0) {
    return <PublicCard title={`Connect ${client.name}`}><p>Only an owner or admin of an account can connect apps to it, and you are not one in any account.</p></PublicCard>;
  }
  return (
    <PublicCard title={`Connect ${client.name}`}>
      <p><strong>{client.name}</strong> by {client.developerName} asks to use the API on behalf of one of your accounts.</p>
      <div>
        <h2 className="font-medium text-slate-800">It will be able to access</h2>
        <ul className="mt-1 list-disc pl-5">{scopes.map((s) => <li key={s}>{SCOPE_LABELS[s as Scope] ?? s}</li>)}</ul>
      </div>
      <ConsentForm params={params} appName={client.name} accounts={accounts.map((a) => ({ id: a.accountId, label: `${a.accountName} (${formatAccountNumber(a.accountNumber)})` }))} />
      <p className="text-xs text-slate-600">You can revoke its access at any time in Settings › Authorized apps.</p>
    </PublicCard>
  );
}
