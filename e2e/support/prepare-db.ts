/** Fresh database for an e2e run: reset, migrate, demo data, plus accounts that individual specs own. */
import { resolveDatabaseConfig } from "@/core/db/config";
import { resetAndMigrate } from "@/core/db/reset";
import { setDatabase } from "@/core/registry";
import { seedDemo } from "@/scripts/seed-demo";
import { seedE2eFixtures } from "./fixtures-seed";

const db = await resetAndMigrate(resolveDatabaseConfig());
setDatabase(db);
console.log(await seedDemo(db.prisma));
console.log(await seedE2eFixtures(db.prisma));
await db.close();
