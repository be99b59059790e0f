/**
 * Prisma's WASM schema engine reads catalog columns of type `name` and `"char"`, which @prisma/adapter-pg 6.19
 * cannot map (prisma/prisma#27403). Both are plain text on the wire, so the CLI's connection relabels them as
 * `text`. Only prisma.config.ts uses this; the app uses the stock adapter.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { resolveDatabaseConfig } from "./config";
import { openPglite, pgliteAdapter } from "./pglite";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

function relabel(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return res;
}

class CatalogTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has a dozen overloads
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, res: pg.QueryResult) => callback(err, relabel(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(relabel) : result;
  }
}

export async function createCliAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const config = resolveDatabaseConfig();
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, Client: CatalogTextClient, allowExitOnIdle: true });
    return new PrismaPg(pool);
  }
  // Note: the CLI never closes the adapter and an open PGlite keeps Node alive, so `prisma migrate deploy` on the
  // embedded database applies its migrations and then hangs; `npm run db:migrate` (core/db/migrate.ts) is the
  // way to migrate PGlite. On PostgreSQL `prisma migrate deploy` works and exits.
  return pgliteAdapter((await openPglite(config.dataDir)).pglite);
}
