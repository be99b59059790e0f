/** Server component other features embed: the account's latest events, shown only to roles that may read them. */
import type { ActorContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { listAuditEvents } from "../data/queries";
import { ActivityList } from "./activity-list";

export async function RecentActivity({ ctx, limit = 20 }: { ctx: ActorContext; limit?: number }) {
  const events = can(ctx.role, "audit.view") ? await listAuditEvents(ctx, limit) : [];
  return <ActivityList events={events} />;
}
