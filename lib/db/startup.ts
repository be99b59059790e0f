import { describeDatabase } from "./config";
import type { Database } from "./client";
import { pendingMigrations } from "./migrate";

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
  if ((env.AUTH_SECRET ?? "").length < 32) problems.push("AUTH_SECRET must be at least 32 characters");
  if ((env.API_KEY_PEPPER ?? "").length < 32) problems.push("API_KEY_PEPPER must be at least 32 characters");
  return problems;
}
