/**
 * Mirrors the products we learn from: Settings › Advanced settings › Developer's corner › API keys. The entries
 * come from the features' manifests (modules/features.ts), grouped by section and group in declaration order.
 * Wide screens get a sidebar; narrow ones a "Settings menu" button that opens the same list (disclosure).
 */
"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { NavEntry } from "@/modules/feature";
import { NAV_ENTRIES } from "@/modules/features";

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return [...out];
}

function Links({ entries, pathname, onNavigate }: { entries: readonly NavEntry[]; pathname: string; onNavigate?: () => void }) {
  return groupBy(entries, (e) => e.section).map(([section, inSection]) => (
    <div key={section}>
      <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">{section}</p>
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
                    onClick={onNavigate}
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
  ));
}

export function SettingsNav({ entries = NAV_ENTRIES }: { entries?: readonly NavEntry[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const current = entries.find((e) => e.href === pathname);
  return (
    <>
      <nav aria-label="Settings" className="hidden w-52 shrink-0 text-sm md:block">
        <p className="font-semibold text-slate-900">Settings</p>
        <Links entries={entries} pathname={pathname} />
      </nav>
      <div className="text-sm md:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="settings-menu"
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-surface px-3 py-2 font-medium text-slate-800"
        >
          <span>
            Settings menu<span className="font-normal text-slate-600">{current ? ` · ${current.label}` : ""}</span>
          </span>
          <span aria-hidden>{open ? "▴" : "▾"}</span>
        </button>
        <nav id="settings-menu" aria-label="Settings" hidden={!open} className="mt-1 rounded-md border border-slate-200 bg-surface px-3 pb-3">
          <Links entries={entries} pathname={pathname} onNavigate={() => setOpen(false)} />
        </nav>
      </div>
    </>
  );
}
