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

type Props = { params: Promise<{ token: string }> };

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-surface p-8 shadow-sm">
        <p className="text-sm font-semibold text-brand-600">Developer&apos;s corner</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <div className="mt-3 space-y-4 text-sm text-slate-700">{children}</div>
      </div>
    </main>
  );
}

export async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) {
    return (
      <Card title="This invitation is no longer valid">
        <p>It was already used, revoked or replaced by a newer one, or it expired. Ask an owner or admin of the account to invite you again.</p>
        <p><Link href="/login" className="text-brand-700 underline">Sign in</Link></p>
      </Card>
    );
  }
  const what = <>You are invited to <strong>{invitation.accountName}</strong> as <strong>{roleLabel(invitation.role)}</strong>.</>;
  const session = await getSession();
  if (session) {
    const email = (await listMemberships(session.userId))?.email;
    if (email?.toLowerCase() === invitation.email.toLowerCase()) {
      return (
        <Card title={`Join ${invitation.accountName}`}>
          <p>{what}</p>
          <AcceptButton token={token} />
        </Card>
      );
    }
    return (
      <Card title="Signed in as someone else">
        <p>{what} The invitation is for <strong>{invitation.email}</strong>, but you are signed in as <strong>{email}</strong>.</p>
        <p>Sign out, then open the link from the email again.</p>
        <SignOutButton />
      </Card>
    );
  }
  if (invitation.userExists) {
    return (
      <Card title={`Join ${invitation.accountName}`}>
        <p>{what} Sign in as <strong>{invitation.email}</strong> to accept.</p>
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`} className="inline-flex rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Sign in to accept
        </Link>
      </Card>
    );
  }
  return (
    <Card title={`Join ${invitation.accountName}`}>
      <p>{what} Choose your name and a password for <strong>{invitation.email}</strong>.</p>
      <NewUserForm token={token} email={invitation.email} />
    </Card>
  );
}
