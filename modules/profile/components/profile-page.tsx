/** Settings › Personal settings › Profile and password: who you are, your accounts, your password, your sessions. */
import { redirect } from "next/navigation";
import { getActorContext, listMemberships } from "@/lib/auth/context";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { LeaveMembershipButton } from "@/modules/members/components/leave-membership-button";
import { ChangePasswordForm } from "./change-password-form";
import { getNotificationSettings } from "../data/notifications";
import { NotificationsForm } from "./notifications-form";

export async function ProfilePage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  const [memberships, notifications] = await Promise.all([listMemberships(ctx.userId).then((m) => m?.memberships ?? []), getNotificationSettings(ctx.userId)]);
  return (
    <div className="max-w-3xl space-y-10">
      <section aria-labelledby="profile-title">
        <h1 id="profile-title" className="text-2xl font-semibold">Profile and password</h1>
        <p className="mt-1 text-sm text-slate-600">Signed in as <span className="font-medium text-slate-800">{ctx.email}</span>.</p>
        <h2 className="mt-6 text-sm font-semibold">Your accounts</h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {memberships.map((m) => (
            <li key={m.accountId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <span>{m.accountName}</span>
              <span className="flex items-center gap-3 text-slate-600">
                {ROLE_LABELS[m.role]}
                {m.inheritedFrom ? (
                  <span className="text-xs">through {m.inheritedFrom}</span>
                ) : (
                  <LeaveMembershipButton accountId={m.accountId} accountName={m.accountName} />
                )}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="password-title">
        <h2 id="password-title" className="text-lg font-semibold">Change password</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">Every other browser signed in as you is signed out when you change it.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="notifications-title">
        <h2 id="notifications-title" className="text-lg font-semibold">Email notifications</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">For the keys you manage as an owner or admin. Security emails about your own access always come.</p>
        <NotificationsForm initial={notifications} />
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">Sessions</h2>
        <p className="mt-1 text-sm text-slate-600">
          Lost a device, or signed in on a shared computer? Choose “Sign out everywhere…” in the account menu at the top
          right: every session ends, this one included.
        </p>
      </section>
    </div>
  );
}
