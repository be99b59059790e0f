/**
 * /invitations/<token>: the link from an invitation email. One answer for unknown, used, revoked and expired links;
 * otherwise the invited person joins (signed in as that email), signs in first (they have a user), or chooses a
 * name and password (they do not). The token never leaves this page: no referrer is sent from it.
 */
import Link from "next/link";
import { getSession, listMemberships } from "@/lib/auth/context";
import { SignOutButton } from "@/modules/auth/components/sign-out-button";
import { findInvitation } from "../data/invitations";
import { roleLabel } from "../types";
import { AcceptButton, NewUserForm } from "./accept-forms";
import { PublicCard } from "@/components/layout/public-card";

type Props = { params: Promise<{ token: string }> };

export async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) {
    return (
      <PublicCard title="This invitation is no longer valid">
        <p>It was already used, revoked or replaced by a newer one, or it expired. Ask an owner or admin of the account to invite you again.</p>
        <p><Link href="/login" className="text-brand-700 underline">Sign in</Link></p>
      </PublicCard>
    );
  }
  const what = <>You are invited to <strong>{invitation.accountName}</strong> as <strong>{roleLabel(invitation.role)}</strong>.</>;
  const session = await getSession();
  if (session) {
    const email = (await listMemberships(session.userId))?.email;
    if (email?.toLowerCase() === invitation.email.toLowerCase()) {
      return (
        <PublicCard title={`Join ${invitation.accountName}`}>
          <p>{what}</p>
          <AcceptButton token={token} />
        </PublicCard>
      );
    }
    return (
      <PublicCard title="Signed in as someone else">
        <p>{what} The invitation is for <strong>{invitation.email}</strong>, but you are signed in as <strong>{email}</strong>.</p>
        <p>Sign out, then open the link from the email again.</p>
        <SignOutButton />
      </PublicCard>
    );
  }
  if (invitation.userExists) {
    return (
      <PublicCard title={`Join ${invitation.accountName}`}>
        <p>{what} Sign in as <strong>{invitation.email}</strong> to accept.</p>
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`} className="inline-flex rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Sign in to accept
        </Link>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={`Join ${invitation.accountName}`}>
      <p>{what} Choose your name and a password for <strong>{invitation.email}</strong>.</p>
      <NewUserForm token={token} email={invitation.email} />
    </PublicCard>
  );
}
