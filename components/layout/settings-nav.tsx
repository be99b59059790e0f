/**
 * Mirrors the products we learn from: Settings › Advanced settings › Developer's corner › API keys. The entries
 * come from the features' manifests (modules/features.ts), grouped by section and group in declaration order.
 */
"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavEntry } from "@/modules/feature";
import { NAV_ENTRIES } from "@/modules/features";

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return [...out];
}

export function SettingsNav({ entries = NAV_ENTRIES }: { entries?: readonly NavEntry[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="w-44 shrink-0 text-sm">
      <p className="font-semibold text-slate-900">Settings</p>
      {groupBy(entries, (e) => e.section).map(([section, inSection]) => (
        <div key={section}>
          <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">{section}</p>
          {groupBy(inSection, (e) => e.group).map(([group, links]) => (
            <div key={group}>
              <p className="mt-2 pl-2 font-medium text-slate-700">{group}</p>
              <ul className="mt-1 space-y-1 pl-4">
                {links.map((link) => {
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
            </div>
          ))}
        </div>
      ))}
    </nav>
  );
}
