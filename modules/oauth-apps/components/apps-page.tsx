/** Settings › Advanced settings › Developer's corner › Apps: the server-rendered page. */
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/layout/no-access";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { WhitelabelGate } from "@/modules/developer-accounts/components/whitelabel-gate";
import { listApps } from "../data/queries";
import { AppsPanel } from "./apps-panel";

export async function AppsPage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "oauthApps.view")) return <NoAccess what="apps" />;
  if (ctx.accountKind === "whitelabel") return <WhitelabelGate what="Apps" />;
  const apps = await listApps(ctx);
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>Settings ›</li>
          <li>Advanced settings ›</li>
          <li>Developer&apos;s corner ›</li>
          <li aria-current="page" className="font-medium text-slate-800">Apps</li>
        </ol>
      </nav>
      <AppsPanel apps={apps} canManage={can(ctx.role, "oauthApps.manage")} />
    </div>
  );
}
