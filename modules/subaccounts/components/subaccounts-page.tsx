/** Settings › Account settings › Subaccounts: the server-rendered page. */
import { redirect } from "next/navigation";
import { getActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { requestNow } from "@/lib/request-time";
import { NoAccess } from "@/components/layout/no-access";
import { getSubaccountsOverview } from "../data/queries";
import { SubaccountsPanel } from "./subaccounts-panel";

export async function SubaccountsPage() {
  const ctx = await getActorContext();
  if (!ctx) redirect("/login");
  if (!can(ctx.role, "subaccounts.view")) return <NoAccess what="subaccounts" />;
  if (ctx.parentId !== null || ctx.accountKind !== "standard") {
    return (
      <section aria-labelledby="subaccounts-title" className="max-w-2xl space-y-2">
        <h1 id="subaccounts-title" className="text-2xl font-semibold">Subaccounts</h1>
        <p className="text-sm text-slate-700">
          {ctx.parentId !== null
            ? `${ctx.accountName} is a subaccount${ctx.inheritedFrom ? ` of ${ctx.inheritedFrom}` : ""}: subaccounts go one level deep. Switch to the parent account to manage them.`
            : "Only standard accounts can have subaccounts."}
        </p>
      </section>
    );
  }
  const overview = await getSubaccountsOverview(ctx);
  return <SubaccountsPanel overview={overview} canManage={can(ctx.role, "subaccounts.manage")} now={requestNow()} />;
}
