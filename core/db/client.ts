/**
 * Opens the configured database once per process: Prisma (through a driver adapter) and a raw SQL runner that
 * share ONE connection source — the embedded PGlite instance, or one node-postgres pool. Used by server.ts,
 * scripts and tests; the web app reaches it through core/registry.ts.
 */
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/core/generated/prisma/client";
import { resolveDatabaseConfig, type DatabaseConfig } from "./config";
import { openPglite, pgliteAdapter } from "./pglite";
import type { SqlRunner } from "./migrate";

export type Database = {
  prisma: PrismaClient;
  config: DatabaseConfig;
  /** Raw SQL on the same connection source: migrations, the key cache, usage batching, tools. */
  sql: SqlRunner;
  /** Set on the embedded database (LISTEN/NOTIFY goes through it). */
  pglite?: PGlite;
  close: () => Promise<void>;
};


/** Our own pool, so an idle connection killed by the server (restart, failover, DROP … FORCE) is logged and replaced. */
export function createPool(url: string, options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, ...options });
  pool.on("error", (e) => console.error(`[db] idle connection lost: ${e.message}`));
  return pool;
}

export async function openDatabase(config: DatabaseConfig = resolveDatabaseConfig()): Promise<Database> {
  if (config.kind === "postgres") {
    const pool = createPool(config.url);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      config,
      sql: {
        query: async <T,>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as T[] }),
        exec: async (text: string) => void (await pool.query(text)),
      },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const { pglite, close } = await openPglite(config.dataDir, config.loadDataDir);
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    prisma,
    config,
    pglite,
    sql: {
      query: async <T,>(text: string, params?: unknown[]) => ({ rows: (await pglite.query<T>(text, params)).rows }),
      exec: async (text: string) => void (await pglite.exec(text)),
    },
    close: async () => {
      await prisma.$disconnect();
      await close();
    },
  };
}
