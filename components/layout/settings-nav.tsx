"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/settings/developers/api-keys", label: "API keys" },
  { href: "/settings/developers/api-reference", label: "API reference" },
];

/** Mirrors the products we learn from: Settings › Advanced settings › Developer's corner › API keys. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="w-44 shrink-0 text-sm">
      <p className="font-semibold text-slate-900">Settings</p>
      <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Advanced settings</p>
      <p className="mt-2 pl-2 font-medium text-slate-700">Developer&apos;s corner</p>
      <ul className="mt-1 space-y-1 pl-4">
        {LINKS.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-2 py-1 ${current ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
