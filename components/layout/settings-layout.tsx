/** The settings area: the settings nav beside the page. */
import { SettingsNav } from "./settings-nav";

export function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex max-w-screen-2xl gap-8 px-6 py-8">
      <SettingsNav />
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
