/** /developer-accounts/request: system integrators (not customers) ask for a developer account, without signing in. */
import Link from "next/link";
import { PublicCard } from "@/components/layout/public-card";
import { PublicRequestForm } from "./public-request-form";

export function PublicRequestPage() {
  return (
    <PublicCard title="Request a developer account" wide>
      <p>
        For system integrators building a connector between us and a third-party platform. A developer account is free, has sending limits like a
        free trial and is not for production use. We first confirm your email address; then our staff review the request.
      </p>
      <p>Already a customer? <Link href="/login" className="text-brand-700 underline">Sign in</Link> and ask from Settings › Integrations.</p>
      <PublicRequestForm />
    </PublicCard>
  );
}
