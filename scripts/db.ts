/**
 * Database chores, run before the server starts (only one process may open the embedded database):
 *   migrate  apply pending migrations (PGlite or PostgreSQL)
 *   seed     demo data; embedded database only unless --force
 *   reset    delete the embedded database (PostgreSQL: drop the public schema, only with --force)
 * Runs with `--conditions react-server` so the app's server-only modules can be reused as they are.
 */
import fs from "node:fs";
import { loadEnv } from "@/lib/db/load-env";
import { describeDatabase, resolveDatabaseConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "./seed-demo";

loadEnv();
const [command, ...flags] = process.argv.slice(2);
const force = flags.includes("--force");
const config = resolveDatabaseConfig();

async function main() {
  if (command === "reset") {
    if (config.kind === "pglite") {
      if (config.dataDir) fs.rmSync(config.dataDir, { recursive: true, force: true });
      console.log(`Deleted ${describeDatabase(config)}`);
      return;
    }
    if (!force) throw new Error("Refusing to reset a PostgreSQL database without --force");
  }
  if (command === "seed" && config.kind === "postgres" && !force) {
    throw new Error("Refusing to load demo data into PostgreSQL (DATABASE_URL is set). Add --force if you mean it.");
  }
  const db = await openDatabase(config);
  globalThis.__dcDatabase = Promise.resolve(db);
  try {
    if (command === "reset") {
      await db.sql.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      console.log(`Reset ${describeDatabase(config)}`);
    } else if (command === "migrate") {
      const applied = await applyMigrations(db.sql);
      console.log(
        applied.length ? `Applied ${applied.length} migration(s) to ${describeDatabase(config)}: ${applied.join(", ")}` : `${describeDatabase(config)} is up to date`,
      );
    } else if (command === "seed") {
      console.log(await seedDemo(db.prisma));
    } else {
      throw new Error("usage: db.ts migrate|seed|reset [--force]");
    }
  } finally {
    await db.close();
  }
}

main().catch((e: Error) => {
  console.error(`✖ ${e.message}`);
  process.exit(1);
});
