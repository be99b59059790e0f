/**
 * Settings › Account settings › Manage users (Dotdigital's page): two tabs, the account's people with their open
 * invitations, and its API users. Owners and admins see it; only what their role allows is offered.
 */
import Link from "next/link";
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/layout/no-access";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { requestNow } from "@/lib/request-time";
import { listApiUsers, listTeam } from "../data/queries";
import { USERS_PATH } from "../nav";
import { ApiUsersPanel } from "./api-users-panel";
import { TeamPanel } from "./team-panel";

type Props = { searchParams: Promise<{ tab?: string | string[] }> };

export async function UsersPage({ searchParams }: Props) {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "members.view")) return <NoAccess what="the account's users" />;
  const tab = (await searchParams).tab === "api" ? "api" : "standard";
  const now = requestNow();
  const tabs = [
    { id: "standard", label: "Standard users", href: USERS_PATH },
    { id: "api", label: "API users", href: `${USERS_PATH}?tab=api` },
  ] as const;

  return (
    <section aria-labelledby="users-title" className="space-y-5">
      <div>
        <h1 id="users-title" className="text-2xl font-semibold">Manage users</h1>
        <p className="mt-1 text-sm text-slate-700">
          People who can sign in to {ctx.accountName}, and API users that let other systems call our API with a username and password.
        </p>
      </div>
      <nav aria-label="User types" className="flex gap-1 border-b border-slate-200">
        {tabs.map((t) => (
          <Link
            key={t.id}
            href={t.href}
            aria-current={tab === t.id ? "page" : undefined}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === "standard" ? (
        <TeamPanel
          team={await listTeam(ctx)}
          now={now}
          me={{ role: ctx.role, inherited: ctx.inheritedFrom !== null }}
          accountName={ctx.accountName}
        />
      ) : (
        <ApiUsersPanel users={await listApiUsers(ctx)} now={now} canManage={can(ctx.role, "apiUsers.manage")} />
      )}
    </section>
  );
}
