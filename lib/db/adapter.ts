import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseConfig } from "./config";
import { openPglite } from "./pglite";

export type OpenedAdapter = {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  pglite?: PGlite;
  close: () => Promise<void>;
};

/**
 * pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10, whose `argTypes` differ from
 * 6.19's; it never reads `argTypes` at run time, so this one cast is safe. (0.7 needs Prisma 7.)
 */
export function pgliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

export async function openAdapter(config: DatabaseConfig): Promise<OpenedAdapter> {
  if (config.kind === "postgres") {
    // Our own pool, so an idle connection killed by the server (restart, failover, DROP DATABASE … FORCE) is
    // logged and replaced instead of crashing the process with an unhandled 'error' event.
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    pool.on("error", (e) => console.error(`[db] idle connection lost: ${e.message}`));
    return { adapter: new PrismaPg(pool), close: () => pool.end() };
  }
  const { pglite, close } = await openPglite(config.dataDir, config.loadDataDir);
  return { adapter: pgliteAdapter(pglite), pglite, close };
}
