/** Settings › Advanced settings › Developer's corner › API keys: the server-rendered page. */
import { redirect } from "next/navigation";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { NoAccess } from "@/components/layout/no-access";
import { RecentActivity } from "@/modules/audit/components/recent-activity";
import { WhitelabelGate } from "@/modules/developer-accounts/components/whitelabel-gate";
import { getKeysPageData } from "../data/queries";
import { ApiKeysPanel } from "./api-keys-panel";

export async function KeysPage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "apiKeys.view")) return <NoAccess what="API keys" />;
  if (ctx.accountKind === "whitelabel") return <WhitelabelGate what="API keys" />;

  const { keys, quota, mailings } = await getKeysPageData(ctx);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <ol className="flex flex-wrap gap-1">
          <li>Settings ›</li>
          <li>Advanced settings ›</li>
          <li>Developer&apos;s corner ›</li>
          <li aria-current="page" className="font-medium text-slate-800">
            API keys
          </li>
        </ol>
      </nav>
      <ApiKeysPanel keys={keys} quota={quota} mailings={mailings} canManage={can(ctx.role, "apiKeys.manage")} />
      <RecentActivity ctx={ctx} />
    </div>
  );
}
