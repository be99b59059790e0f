/** What a whitelabel account sees instead of Developer's corner › API keys and the API reference. */
import Link from "next/link";
import { INTEGRATIONS_PATH } from "../nav";

export function WhitelabelGate({ what }: { what: string }) {
  return (
    <section aria-labelledby="whitelabel-title" className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-surface p-6">
      <h1 id="whitelabel-title" className="text-xl font-semibold">{what} are not available in a whitelabel account</h1>
      <p className="text-sm text-slate-700">
        Whitelabel accounts cannot have API keys. Request a developer account: a separate, free account for building your integration, where you
        create the keys. Developer accounts are not for production use.
      </p>
      <Link href={`${INTEGRATIONS_PATH}?useCase=whitelabel`} className="inline-flex rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Request a developer account
      </Link>
    </section>
  );
}
