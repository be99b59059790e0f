/** The signed-in shell: checks the session itself (proxy.ts only redirects), then the header with the account switcher. */
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { getActorContext, listMemberships } from "@/lib/auth/context";
import { formatAccountNumber } from "@/core/account-number";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { getStaffContext } from "@/lib/auth/staff";
import { DeveloperBanner } from "@/modules/developer-accounts/components/developer-banner";
import { STAFF_PATH } from "@/modules/staff/nav";
import { AccountMenu } from "./account-menu";
import { AccountSwitcher } from "./account-switcher";

const roleLabel = (role: keyof typeof ROLE_LABELS, inheritedFrom: string | null) =>
  inheritedFrom ? `${ROLE_LABELS[role]} · inherited from ${inheritedFrom}` : ROLE_LABELS[role];

export async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getActorContext();
  // Signed in without an account: platform staff belong in the staff console; anyone else signs in again.
  if (!ctx) redirect((await getStaffContext()) ? STAFF_PATH : "/login");
  const memberships = (await listMemberships(ctx.userId))?.memberships ?? [];
  const switcher =
    memberships.length > 1 ? (
      <AccountSwitcher
        activeId={ctx.accountId}
        accounts={memberships.map((m) => ({
          accountId: m.accountId,
          accountName: m.accountName,
          number: formatAccountNumber(m.accountNumber),
          isSubaccount: m.parentId !== null,
          roleLabel: roleLabel(m.role, m.inheritedFrom),
        }))}
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
        roleLabel={roleLabel(ctx.role, ctx.inheritedFrom)}
        switcher={switcher}
        accountMenu={
          <AccountMenu email={ctx.email} roleLabel={ROLE_LABELS[ctx.role]} accountName={ctx.accountName} accountNumber={formatAccountNumber(ctx.accountNumber)} />
        }
      />
      <DeveloperBanner ctx={ctx} />
      {ctx.accountStatus === "suspended" ? (
        <div role="status" className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900">
          <strong>{ctx.accountName} is suspended.</strong> Its API keys are refused (403 ACCOUNT_SUSPENDED) until{" "}
          {ctx.parentId ? "an owner or admin of the parent account resumes it" : "it is resumed"}.
        </div>
      ) : null}
      {children}
    </div>
  );
}
