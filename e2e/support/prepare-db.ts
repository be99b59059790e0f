/** Fresh database for an e2e run: reset, migrate, demo data, plus accounts that individual specs own. */
import fs from "node:fs";
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/scripts/seed-demo";
import { seedE2eFixtures } from "./fixtures-seed";

const config = resolveDatabaseConfig();
if (config.kind === "pglite" && config.dataDir) fs.rmSync(config.dataDir, { recursive: true, force: true });
const db = await openDatabase(config);
globalThis.__dcDatabase = Promise.resolve(db);
if (config.kind === "postgres") await db.sql.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
await applyMigrations(db.sql);
console.log(await seedDemo(db.prisma));
console.log(await seedE2eFixtures(db.prisma));
await db.close();
