/** Which database: DATABASE_URL unset or `file:` → embedded PGlite, `memory:` → in-memory PGlite, postgres URL → PostgreSQL. */
import path from "node:path";

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string | null; /** in-memory only: start from this dump instead of initdb (tests) */ loadDataDir?: Blob }
  | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = "./data/pglite";

/**
 * Picks the database from DATABASE_URL: unset or `file:` → embedded PGlite (data under ./data/),
 * `memory:` → throw-away in-memory PGlite (tests), `postgres://` / `postgresql://` → PostgreSQL.
 */
export function resolveDatabaseConfig(url = process.env.DATABASE_URL): DatabaseConfig {
  const value = url?.trim() ?? "";
  if (value === "") return { kind: "pglite", dataDir: path.resolve(/* turbopackIgnore: true */ DEFAULT_PGLITE_DIR) };
  if (value === "memory:" || value === "memory://") return { kind: "pglite", dataDir: null };
  if (value.startsWith("file:")) {
    const dir = value.slice("file:".length).replace(/^\/\//, "");
    return { kind: "pglite", dataDir: path.resolve(/* turbopackIgnore: true */ dir || DEFAULT_PGLITE_DIR) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  throw new Error(
    `DATABASE_URL must be empty (embedded database), "file:<dir>" or a postgres:// URL; got "${value.split(":")[0]}:…"`,
  );
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "postgres") {
    const u = new URL(config.url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return config.dataDir ? `embedded PGlite in ${path.relative(process.cwd(), config.dataDir) || "."}` : "in-memory PGlite";
}
