import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "@/lib/db/client";

declare global {
  var __dcDatabase: Promise<Database> | undefined;
}

/**
 * One database per process. The custom server (server.ts) opens it before Next starts and leaves it on
 * globalThis, so Next's bundled code and the server share the one PGlite instance that may own ./data.
 */
export function getDatabase(): Promise<Database> {
  globalThis.__dcDatabase ??= openDatabase();
  return globalThis.__dcDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
