/** The header's theme choice: follow the system, light or dark (remembered by next-themes in localStorage). */
"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};
const OPTIONS = { system: "System theme", light: "Light theme", dark: "Dark theme" } as const;

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // The stored choice is only known in the browser: render "system" on the server and until hydrated.
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  return (
    <select
      aria-label="Theme"
      value={mounted ? (theme ?? "system") : "system"}
      onChange={(e) => setTheme(e.target.value)}
      className="rounded-md border border-slate-300 bg-surface px-2 py-1 text-xs text-slate-800"
    >
      {Object.entries(OPTIONS).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
