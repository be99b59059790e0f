/** Settings › Account › Authorized apps: which apps hold tokens for this account, who allowed them, and Revoke access. */
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/layout/no-access";
import { formatDateTime } from "@/components/ui/format";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { listAuthorizedApps } from "../data/queries";
import { RevokeAccessButton } from "./revoke-access-button";

export async function AuthorizedAppsPage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "authorizedApps.view")) return <NoAccess what="authorized apps" />;
  const rows = await listAuthorizedApps(ctx);
  const canRevoke = can(ctx.role, "authorizedApps.revoke");
  return (
    <section aria-labelledby="authorized-title" className="space-y-4">
      <div>
        <h1 id="authorized-title" className="text-2xl font-semibold">Authorized apps</h1>
        <p className="mt-1 text-sm text-slate-600">Apps that were allowed to use the API on behalf of {ctx.accountName}.</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">No app has access to this account.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface" tabIndex={0} role="region" aria-label="Authorized apps">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">App</th>
                <th scope="col" className="px-4 py-2">Authorized by</th>
                <th scope="col" className="px-4 py-2">Scopes</th>
                <th scope="col" className="px-4 py-2">Last used</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <td className="px-4 py-2"><div className="font-medium">{r.appName}</div><div className="text-xs text-slate-600">by {r.developerName}</div></td>
                  <td className="px-4 py-2">{r.authorizedBy ?? "The app itself (client credentials)"}<div className="text-xs text-slate-600">{formatDateTime(r.authorizedAt)}</div></td>
                  <td className="px-4 py-2">{r.scopes.join(", ")}</td>
                  <td className="px-4 py-2">{r.lastUsedAt ? formatDateTime(r.lastUsedAt) : "Never"}</td>
                  <td className="px-4 py-2 text-right">{canRevoke ? <RevokeAccessButton id={r.id} appName={r.appName} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
