/** Applies prisma/migrations/* in order on PGlite or PostgreSQL, recording them where Prisma Migrate does. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The minimal SQL surface both PGlite and node-postgres offer. */
export type SqlRunner = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
};

export type Migration = { name: string; sql: string; checksum: string };

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

// Same table Prisma Migrate keeps, so `prisma migrate status` / `deploy` agree with what this runner applied.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function appliedNames(db: SqlRunner): Promise<Set<string> | null> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const res = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(res.rows.map((r) => r.migration_name));
}

export async function pendingMigrations(db: SqlRunner, dir?: string): Promise<string[]> {
  const applied = (await appliedNames(db)) ?? new Set<string>();
  return listMigrations(dir)
    .filter((m) => !applied.has(m.name))
    .map((m) => m.name);
}

/**
 * Applies pending migrations in order, each in its own transaction. (Prisma's own `migrate deploy` works on
 * PostgreSQL too; on PGlite its CLI never exits, so this runner serves both.)
 */
export async function applyMigrations(db: SqlRunner, dir?: string): Promise<string[]> {
  await db.exec(CREATE_TABLE);
  const applied = (await appliedNames(db)) ?? new Set<string>();
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    if (applied.has(m.name)) continue;
    await db.exec("BEGIN");
    try {
      await db.exec(m.sql);
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [crypto.randomUUID(), m.checksum, m.name],
      );
      await db.exec("COMMIT");
    } catch (e) {
      await db.exec("ROLLBACK");
      throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
    }
    done.push(m.name);
  }
  return done;
}
