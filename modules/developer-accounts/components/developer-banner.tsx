/** On every page of a developer account: it is not for production, and its limits. */
import type { ActorContext } from "@/lib/auth/context";
import { getDeveloperLimits } from "../data/queries";

export async function DeveloperBanner({ ctx }: { ctx: ActorContext }) {
  if (ctx.accountKind !== "developer") return null;
  const limits = await getDeveloperLimits(ctx);
  return (
    <div role="note" aria-label="Developer account" className="border-b border-violet-200 bg-violet-50 px-6 py-2 text-sm text-violet-950">
      <strong>Developer account — not for production use.</strong>{" "}
      Limits: {limits.emailsPerDay === null ? "no daily email limit" : `${limits.emailsPerDay.toLocaleString("en")} emails a day`}, at most {limits.maxApiKeys} API keys
      {limits.mainAccount ? `; linked to ${limits.mainAccount}` : ""}.
    </div>
  );
}
