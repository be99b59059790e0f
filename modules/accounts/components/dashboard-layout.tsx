/** The signed-in shell: checks the session itself (proxy.ts only redirects), then the header with the account switcher. */
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { getActorContext, listMemberships } from "@/lib/auth/context";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { AccountMenu } from "./account-menu";
import { AccountSwitcher } from "./account-switcher";

export async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  const memberships = (await listMemberships(ctx.userId))?.memberships ?? [];
  const switcher =
    memberships.length > 1 ? (
      <AccountSwitcher
        activeId={ctx.accountId}
        accounts={memberships.map((m) => ({ accountId: m.accountId, accountName: m.accountName, roleLabel: ROLE_LABELS[m.role] }))}
      />
    ) : null;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow"
      >
        Skip to content
      </a>
      <AppHeader
        email={ctx.email}
        accountName={ctx.accountName}
        roleLabel={ROLE_LABELS[ctx.role]}
        switcher={switcher}
        accountMenu={<AccountMenu email={ctx.email} roleLabel={ROLE_LABELS[ctx.role]} accountName={ctx.accountName} />}
      />
      {children}
    </div>
  );
}
