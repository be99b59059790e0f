/**
 * Server-side sessions behind the JWT cookie: each sign-in creates a row keyed by the SHA-256 of a random id that
 * only the (encrypted, signed) cookie carries. Every authenticated request checks the row, so a captured cookie
 * stops working the moment its session is revoked: sign-out, "sign out everywhere", a password change.
 */
import "server-only";
import crypto from "node:crypto";
import { getDatabase, getPrisma } from "@/core/registry";

import { SESSION_MAX_AGE_S } from "@/core/session-policy";

export { SESSION_MAX_AGE_S };

const idHash = (sessionId: string) => crypto.createHash("sha256").update(sessionId).digest("hex");

export async function createSession(userId: string, request: { ip: string | null; userAgent: string | null }): Promise<string> {
  const sessionId = crypto.randomBytes(32).toString("base64url");
  const prisma = await getPrisma();
  await prisma.userSession.create({
    data: {
      id: idHash(sessionId),
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 300) ?? null,
    },
  });
  return sessionId;
}

/** Plain SQL: this runs on every signed-in request, and a Prisma query is compiled anew each time. */
const SESSION_ROW = `SELECT "userId", "revokedAt" IS NOT NULL AS "revoked", (EXTRACT(EPOCH FROM "expiresAt") * 1000)::float8 AS "expiresAt"
  FROM "UserSession" WHERE "id" = $1`;

/** True only for a session of this user that exists, is not revoked and has not expired. */
export async function isSessionActive(sessionId: unknown, userId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || typeof userId !== "string" || sessionId.length > 100) return false;
  const db = await getDatabase();
  const [row] = (await db.sql.query<{ userId: string; revoked: boolean; expiresAt: number }>(SESSION_ROW, [idHash(sessionId)])).rows;
  return row !== undefined && row.userId === userId && !row.revoked && row.expiresAt > Date.now();
}

export async function revokeSession(sessionId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.userSession.updateMany({ where: { id: idHash(sessionId), revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Revokes every session of the user, except `keepSessionId` (the one changing its password stays signed in). With
 * `endDevices`, every device cookie of the user stops counting as a known device too (lib/auth/device-cookie.ts).
 */
export async function revokeAllSessions(userId: string, keepSessionId?: string, options: { endDevices?: boolean } = {}): Promise<number> {
  const prisma = await getPrisma();
  if (options.endDevices) await prisma.user.update({ where: { id: userId }, data: { deviceEpoch: { increment: 1 } } });
  const { count } = await prisma.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { NOT: { id: idHash(keepSessionId) } } : {}) },
    data: { revokedAt: new Date() },
  });
  // Expired rows are of no use to anyone: drop them while we are here.
  await prisma.userSession.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  return count;
}
