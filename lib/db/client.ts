import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseConfig, type DatabaseConfig } from "./config";
import { openAdapter } from "./adapter";
import type { SqlRunner } from "./migrate";

export type Database = {
  prisma: PrismaClient;
  config: DatabaseConfig;
  /** Raw SQL on the same connection source: migrations and tools. */
  sql: SqlRunner;
  /** Set on the embedded database (LISTEN/NOTIFY goes through it). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

/** Opens Prisma on the configured database. Not server-only: scripts and tests use it as well as the app. */
export async function openDatabase(config: DatabaseConfig = resolveDatabaseConfig()): Promise<Database> {
  const opened = await openAdapter(config);
  const prisma = new PrismaClient({ adapter: opened.adapter });
  let sql: SqlRunner;
  let closeSql = async () => {};
  if (opened.pglite) {
    const pglite = opened.pglite;
    sql = {
      query: async <T,>(text: string, params?: unknown[]) => ({ rows: (await pglite.query<T>(text, params)).rows }),
      exec: async (text: string) => void (await pglite.exec(text)),
    };
  } else {
    const pool = new pg.Pool({ connectionString: (config as { url: string }).url, max: 2, allowExitOnIdle: true });
    pool.on("error", (e) => console.error(`[db] idle connection lost: ${e.message}`));
    sql = {
      query: async <T,>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as T[] }),
      exec: async (text: string) => void (await pool.query(text)),
    };
    closeSql = () => pool.end();
  }
  return {
    prisma,
    config,
    sql,
    pglite: opened.pglite,
    close: async () => {
      await prisma.$disconnect();
      await closeSql();
      await opened.close();
    },
  };
}
