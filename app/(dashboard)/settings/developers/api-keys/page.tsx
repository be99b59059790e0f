import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { getApiKeyQuota, listApiKeys, listMailings } from "@/lib/api-keys/queries";
import { listAuditEvents } from "@/lib/audit/queries";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { ActivityList } from "@/components/activity/activity-list";
import { NoAccess } from "@/components/layout/no-access";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "apiKeys.view")) return <NoAccess what="API keys" />;

  const [keys, quota, mailings, events] = await Promise.all([
    listApiKeys(ctx),
    getApiKeyQuota(ctx),
    listMailings(ctx),
    can(ctx.role, "audit.view") ? listAuditEvents(ctx, 20) : Promise.resolve([]),
  ]);

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
      <ActivityList events={events} />
    </div>
  );
}
