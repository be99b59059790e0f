/**
 * Standard users: invite, the people (change role, transfer ownership, remove, leave) and open invitations
 * (resend, revoke). Every choice is checked again by the server; this only hides what cannot succeed.
 */
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { changeMemberRoleAction, inviteMemberAction, leaveAccountAction, removeMemberAction, resendInvitationAction, revokeInvitationAction, transferOwnershipAction } from "../actions";
import { roleLabel, type InvitationDto, type MemberDto, type MemberRole, type TeamDto } from "../types";
import { InvitationsTable } from "./invitations-table";
import { MembersTable, type MemberAction } from "./members-table";
import { RoleForm } from "./role-form";

type Open = { kind: "invite" } | { kind: MemberAction; m: MemberDto } | { kind: "revoke"; i: InvitationDto } | null;
type Props = { team: TeamDto; now: number; me: { role: MemberRole; inherited: boolean }; accountName: string };

export function TeamPanel({ team, now, me, accountName }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const { pending, run } = useActionRunner();
  const router = useRouter();
  const close = () => setOpen(null);
  const ownerCount = team.members.filter((m) => m.role === "owner" && !m.inheritedFrom).length;
  const confirm = open && open.kind !== "invite" && open.kind !== "role" ? open : null;

  const confirmText = (): { title: string; description: string; label: string; danger: boolean } | null => {
    if (!confirm) return null;
    if (confirm.kind === "revoke") return { title: `Revoke the invitation of ${confirm.i.email}?`, description: "The link stops working at once. You can invite them again later.", label: "Revoke invitation", danger: true };
    const who = confirm.m.email;
    if (confirm.kind === "remove") return { title: `Remove ${who}?`, description: `They lose access to ${accountName} at once, including any page they have open. Their past activity stays in the log.`, label: "Remove user", danger: true };
    if (confirm.kind === "transfer") return { title: `Make ${who} the owner?`, description: `${who} becomes an owner of ${accountName} and you become an admin. Only an owner can give ownership back.`, label: "Transfer ownership", danger: true };
    return { title: `Leave ${accountName}?`, description: "You lose access at once. An owner or admin can invite you again.", label: "Leave account", danger: true };
  };
  const text = confirmText();

  const onConfirm = () => {
    if (!confirm) return;
    if (confirm.kind === "revoke") return run(() => revokeInvitationAction({ id: confirm.i.id }), { success: `Invitation of ${confirm.i.email} revoked` }, (r) => r.ok && close());
    const userId = confirm.m.userId;
    if (confirm.kind === "remove") return run(() => removeMemberAction({ userId }), { success: `${confirm.m.email} removed` }, (r) => r.ok && close());
    if (confirm.kind === "transfer") return run(() => transferOwnershipAction({ userId }), { success: `${confirm.m.email} is now an owner` }, (r) => r.ok && close());
    run(() => leaveAccountAction({}), { success: `You left ${accountName}` }, (r) => {
      if (!r.ok) return;
      close();
      router.replace("/settings/profile");
      router.refresh();
    });
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">{team.members.length} {team.members.length === 1 ? "user" : "users"} · {ownerCount} {ownerCount === 1 ? "owner" : "owners"}</p>
        <Button onClick={() => setOpen({ kind: "invite" })}>Invite user</Button>
      </div>
      <MembersTable members={team.members} me={me} ownerCount={ownerCount} now={now} onAction={(kind, m) => setOpen({ kind, m })} />

      <section aria-labelledby="invitations-title" className="space-y-2">
        <h2 id="invitations-title" className="text-lg font-semibold">Pending invitations</h2>
        {team.invitations.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">No pending invitations. Invite someone with <strong>Invite user</strong>.</p>
        ) : (
          <InvitationsTable
            invitations={team.invitations}
            now={now}
            onAction={(a, i) => (a === "revoke" ? setOpen({ kind: "revoke", i }) : run(() => resendInvitationAction({ id: i.id }), { success: `Invitation sent again to ${i.email}` }))}
          />
        )}
      </section>

      <Dialog open={open?.kind === "invite" || open?.kind === "role"} onOpenChange={(o) => (o ? undefined : close())}
        title={open?.kind === "role" ? `Change the role of ${open.m.email}` : "Invite user"}
        description={open?.kind === "role" ? `Now: ${roleLabel(open.m.role)}. The change applies to their next click.` : `They get an email with a link to join ${accountName}.`}>
        {open?.kind === "invite" || open?.kind === "role" ? (
          <RoleForm
            actorRole={me.role}
            fixedEmail={open.kind === "role" ? open.m.email : undefined}
            initialRole={open.kind === "role" ? open.m.role : "developer"}
            submitLabel={open.kind === "role" ? "Change role" : "Send invitation"}
            pending={pending}
            onCancel={close}
            onSubmit={({ email, role }, report) =>
              open.kind === "role"
                ? run(() => changeMemberRoleAction({ userId: open.m.userId, role }), { success: `${open.m.email} is now ${roleLabel(role)}` }, (r) => (r.ok ? close() : report(r)))
                : run(() => inviteMemberAction({ email, role }), { success: `Invitation sent to ${email}` }, (r) => (r.ok ? close() : report(r)))
            }
          />
        ) : null}
      </Dialog>
      <ConfirmDialog open={text !== null} title={text?.title ?? ""} description={text?.description ?? ""} confirmLabel={text?.label ?? ""} danger={text?.danger}
        pending={pending} onClose={close} onConfirm={onConfirm} />
    </div>
  );
}
