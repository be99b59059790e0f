/** Start-up checks: the environment's secrets, and a database that is reachable and fully migrated. */
import { describeDatabase } from "./config";
import type { Database } from "./client";
import { pendingMigrations } from "./migrate";
import { MIN_SECRET_LENGTH, pepperProblem } from "@/core/secrets/hash";

export class StartupError extends Error {}

/** Refuse to serve from a database we cannot reach or whose schema is behind the code. */
export async function checkDatabase(db: Database): Promise<void> {
  const where = describeDatabase(db.config);
  try {
    await db.sql.query("SELECT 1");
  } catch (e) {
    throw new StartupError(`Cannot reach the database (${where}): ${(e as Error).message}`);
  }
  const pending = await pendingMigrations(db.sql);
  if (pending.length > 0) {
    throw new StartupError(
      `The database (${where}) has ${pending.length} pending migration(s): ${pending.join(", ")}. ` +
        "Run `npm run db:migrate` first (on PostgreSQL `npx prisma migrate deploy` works too).",
    );
  }
}

/** Secrets the app cannot run safely without. */
export function checkEnvironment(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  if ((env.AUTH_SECRET ?? "").length < MIN_SECRET_LENGTH) problems.push(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  const pepper = pepperProblem(env.API_KEY_PEPPER);
  if (pepper) problems.push(pepper);
  return problems;
}
