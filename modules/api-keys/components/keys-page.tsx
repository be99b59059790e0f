/**
 * Settings › Advanced settings › Developer's corner › API keys: the server-rendered page. The search, filters and
 * sort come from the URL's search params, so a filtered view can be linked and reloaded.
 */
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { NoAccess } from "@/components/layout/no-access";
import { RecentActivity } from "@/modules/audit/components/recent-activity";
import { WhitelabelGate } from "@/modules/developer-accounts/components/whitelabel-gate";
import { getKeysPageData } from "../data/queries";
import { smtpRelayConfig } from "../data/smtp-relay";
import { parseKeyListQuery } from "../schema";
import { ApiKeysPanel } from "./api-keys-panel";
import { KeyToolbar } from "./key-toolbar";
import { RotationSetting } from "./rotation-setting";
import { SmtpCredentials } from "./smtp-credentials";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function KeysPage({ searchParams }: Props) {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "apiKeys.view")) return <NoAccess what="API keys" />;
  if (ctx.accountKind === "whitelabel") return <WhitelabelGate what="API keys" />;

  const query = parseKeyListQuery(await searchParams);
  const filtered = query.q !== "" || query.status !== "all" || query.scope !== "all";
  const { keys, quota, mailings, rotation, smtpKeys } = await getKeysPageData(ctx, query);
  const relay = smtpRelayConfig((await headers()).get("host") ?? "localhost");
  // The request's time, handed to the client so relative times render identically on both sides.
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const now = Date.now();

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>Settings ›</li>
          <li>Advanced settings ›</li>
          <li>Developer&apos;s corner ›</li>
          <li aria-current="page" className="font-medium text-slate-800">
            API keys
          </li>
        </ol>
      </nav>
      <ApiKeysPanel
        keys={keys}
        quota={quota}
        mailings={mailings}
        canManage={can(ctx.role, "apiKeys.manage")}
        rotation={rotation}
        now={now}
        filtered={filtered}
        toolbar={quota.used > 0 ? <KeyToolbar key={JSON.stringify(query)} query={query} shown={keys.length} total={quota.used} /> : null}
      />
      {can(ctx.role, "apiKeys.manage") ? <RotationSetting days={rotation.days} /> : null}
      <SmtpCredentials relay={relay} keys={smtpKeys} />
      <RecentActivity ctx={ctx} />
    </div>
  );
}
