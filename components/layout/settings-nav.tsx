import Link from "next/link";

/** Mirrors the products we learn from: Settings › Advanced settings › Developer's corner › API keys. */
export function SettingsNav() {
  return (
    <nav aria-label="Settings" className="w-44 shrink-0 text-sm">
      <p className="font-semibold text-slate-900">Settings</p>
      <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Advanced settings</p>
      <p className="mt-2 pl-2 font-medium text-slate-700">Developer&apos;s corner</p>
      <ul className="mt-1 space-y-1 pl-4">
        <li>
          <Link
            href="/settings/developers/api-keys"
            aria-current="page"
            className="block rounded-md bg-brand-50 px-2 py-1 font-medium text-brand-700"
          >
            API keys
          </Link>
        </li>
      </ul>
    </nav>
  );
}
