/** The account's audit trail, newest first, for those the policy lets read it. */
import "server-only";
import { getDatabase } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import type { AuditEventDto } from "../types";

export type { AuditEventDto };

/** Plain SQL (no query to compile on every page view); the time as epoch milliseconds, the same on both drivers. */
const LIST_EVENTS = `SELECT e."id", e."action", e."actorEmail", e."targetLabel", e."ip",
  (EXTRACT(EPOCH FROM e."createdAt") * 1000)::float8 AS "createdAt", e."details"
  FROM "AuditEvent" e WHERE e."accountId" = $1 ORDER BY e."createdAt" DESC, e."id" DESC LIMIT $2`;

export async function listAuditEvents(ctx: ActorContext, limit = 20): Promise<AuditEventDto[]> {
  assertCan(ctx, "audit.view");
  const db = await getDatabase();
  const { rows } = await db.sql.query<Omit<AuditEventDto, "createdAt"> & { createdAt: number }>(LIST_EVENTS, [
    ctx.accountId,
    Math.min(Math.max(limit, 1), 100),
  ]);
  return rows.map((row) => ({ ...row, createdAt: new Date(Math.round(row.createdAt)) }));
}
