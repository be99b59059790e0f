/**
 * Database chores, run before the server starts (only one process may open the embedded database):
 *   migrate  apply pending migrations (PGlite or PostgreSQL)
 *   seed     demo data; embedded database only unless --force
 *   reset    delete the embedded database (PostgreSQL: drop the public schema, only with --force)
 * Runs with `--conditions react-server` so the app's server-only modules can be reused as they are.
 */
import { loadEnv } from "@/core/env";
import { describeDatabase, resolveDatabaseConfig } from "@/core/db/config";
import { openDatabase } from "@/core/db/client";
import { applyMigrations } from "@/core/db/migrate";
import { resetDatabase } from "@/core/db/reset";
import { setDatabase } from "@/core/registry";
import { seedDemo } from "./seed-demo";

loadEnv();
const [command, ...flags] = process.argv.slice(2);
const force = flags.includes("--force");
const config = resolveDatabaseConfig();

async function main() {
  if (command === "reset") {
    if (config.kind === "postgres" && !force) throw new Error("Refusing to reset a PostgreSQL database without --force");
    await resetDatabase(config);
    console.log(`${config.kind === "pglite" ? "Deleted" : "Reset"} ${describeDatabase(config)}`);
    return;
  }
  if (command === "seed" && config.kind === "postgres" && !force) {
    throw new Error("Refusing to load demo data into PostgreSQL (DATABASE_URL is set). Add --force if you mean it.");
  }
  if (command !== "migrate" && command !== "seed") throw new Error("usage: db.ts migrate|seed|reset [--force]");
  const db = await openDatabase(config);
  setDatabase(db);
  try {
    if (command === "migrate") {
      const applied = await applyMigrations(db.sql);
      console.log(
        applied.length ? `Applied ${applied.length} migration(s) to ${describeDatabase(config)}: ${applied.join(", ")}` : `${describeDatabase(config)} is up to date`,
      );
    } else {
      console.log(await seedDemo(db.prisma));
    }
  } finally {
    await db.close();
  }
}

main().catch((e: Error) => {
  console.error(`✖ ${e.message}`);
  process.exit(1);
});
