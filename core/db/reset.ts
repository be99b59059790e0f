/**
 * The one reset + migrate helper (scripts/db.ts, the bench and the e2e preparation): an empty, fully migrated
 * database. Deletes the embedded database's directory, or drops the public schema on PostgreSQL.
 */
import fs from "node:fs";
import { openDatabase, type Database } from "./client";
import type { DatabaseConfig } from "./config";
import { applyMigrations } from "./migrate";

/** Empties the database without migrating it (PGlite: deletes the directory; nothing is left open). */
export async function resetDatabase(config: DatabaseConfig): Promise<void> {
  if (config.kind === "pglite") {
    if (config.dataDir) fs.rmSync(config.dataDir, { recursive: true, force: true });
    return;
  }
  const db = await openDatabase(config);
  try {
    await db.sql.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await db.close();
  }
}

/** Reset, then open and apply every migration; the caller closes the returned database. */
export async function resetAndMigrate(config: DatabaseConfig): Promise<Database> {
  await resetDatabase(config);
  const db = await openDatabase(config);
  try {
    await applyMigrations(db.sql);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
