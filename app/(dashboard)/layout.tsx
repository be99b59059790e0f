import { redirect } from "next/navigation";
import { getActorContext } from "@/lib/auth/context";
import { AppHeader } from "@/components/layout/app-header";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts redirects too, but the layout does not rely on it.
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  return (
    <div className="min-h-screen">
      <AppHeader email={ctx.email} accountName={ctx.accountName} role={ctx.role} />
      {children}
    </div>
  );
}
