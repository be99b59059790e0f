/**
 * SMTP credentials for keys with the `smtp` scope: the relay's host, ports and TLS from configuration; username =
 * the key id, password = the whole key (shown once when created). The relay checks a login with
 * POST /api/v1/keys/verify and requiredScopes ["smtp"] (see the API reference).
 */
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import type { SmtpRelay } from "../data/smtp-relay";
import { API_REFERENCE_PATH } from "../nav";

export function SmtpCredentials({ relay, keys }: { relay: SmtpRelay; keys: { name: string; keyId: string }[] }) {
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="smtp-title" className="rounded-lg border border-slate-200 bg-surface p-5">
      <h2 id="smtp-title" className="text-lg font-semibold">SMTP credentials</h2>
      <p className="mt-1 text-sm text-slate-700">
        Keys with the SMTP relay scope can send mail. Use the key id as the username and the whole key you saved as the password.
      </p>
      <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Host</dt>
        <dd className="flex min-w-0 items-center gap-2"><code className="truncate">{relay.host}</code><CopyButton text={relay.host} label="Copy SMTP host" /></dd>
        <dt className="font-medium">Ports</dt>
        <dd>
          <ul>{relay.ports.map((p) => <li key={p.port}><code>{p.port}</code> — {p.tls}</li>)}</ul>
        </dd>
        <dt className="font-medium">Password</dt>
        <dd>The key (<code>dc_….…</code>) shown once when it was created or changed</dd>
      </dl>
      <h3 id="smtp-usernames" className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Usernames</h3>
      <ul aria-labelledby="smtp-usernames" className="mt-1 divide-y divide-slate-200 text-sm">
        {keys.map((k) => (
          <li key={k.keyId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
            <span className="max-w-48 truncate">{k.name}</span>
            <code className="font-mono text-xs">{k.keyId}</code>
            <CopyButton text={k.keyId} label={`Copy SMTP username for ${k.name}`} />
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-600">
        Mail servers check such a login with <code>POST /api/v1/keys/verify</code> and <code>requiredScopes: [&quot;smtp&quot;]</code>:{" "}
        <Link href={API_REFERENCE_PATH} className="text-brand-700 underline">see the API reference</Link>.
      </p>
    </section>
  );
}
