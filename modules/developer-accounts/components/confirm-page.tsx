/**
 * /developer-accounts/confirm/<token>: the link from the confirmation email. Opening it changes nothing (mail
 * scanners follow links); the button confirms. One answer for unknown, used and expired links.
 */
import Link from "next/link";
import { findConfirmation } from "../data/public-requests";
import { PUBLIC_REQUEST_PATH } from "../nav";
import { ConfirmButton } from "./confirm-button";
import { PublicCard } from "@/components/layout/public-card";

export async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findConfirmation(token);
  if (!found) {
    return (
      <PublicCard title="This link is no longer valid">
        <p>It was already used, or it expired after 24 hours. <Link href={PUBLIC_REQUEST_PATH} className="text-brand-700 underline">Send the form again</Link>.</p>
      </PublicCard>
    );
  }
  return (
    <PublicCard title="Confirm your request">
      <p>Confirm that <strong>{found.email}</strong> is your address, and your developer account request goes to our staff.</p>
      <ConfirmButton token={token} />
    </PublicCard>
  );
}
