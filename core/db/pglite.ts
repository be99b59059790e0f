/**
 * PGlite keeps its data in one directory that only one process may open at a time; a second opener would
 * corrupt it. A pid lock file makes that mistake fail loudly instead.
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { withConstraintErrors } from "./pglite-errors";

export class DatabaseLockedError extends Error {}

function lockPath(dataDir: string) {
  return `${dataDir}.lock`;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function acquireLock(dataDir: string): () => void {
  const file = lockPath(dataDir);
  // The database holds key hashes and password hashes: only our own user may read it.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(file), 0o700);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (pid === process.pid || !isAlive(pid)) {
        fs.rmSync(file, { force: true }); // stale lock from a process that died
        continue;
      }
      throw new DatabaseLockedError(
        `The embedded database in ${path.relative(process.cwd(), dataDir)} is in use by process ${pid}. ` +
          "Only one process may open it at a time: stop the running server before migrating or seeding, " +
          "or use PostgreSQL (DATABASE_URL=postgres://…) to run several processes.",
      );
    }
  }
  throw new DatabaseLockedError(`Could not lock ${file}`);
}

// PostgreSQL's default 128 MB of shared buffers is sized for a server, not an embedded database: 16 MB cuts the
// process's resident memory by ~100 MB (measured with 10,000 keys) with no change to the hot path, which reads
// keys from the in-memory cache, not from PGlite.
const OPTIONS = { postgresqlconf: ["shared_buffers=16MB"] };

/**
 * For a long-running server on the embedded database (server.ts calls it before opening PGlite), measured with
 * `npm run bench:verify`: V8's optimising tier for WebAssembly keeps a second, TurboFan-compiled copy of Postgres'
 * hot functions (~50 MB resident), which Liftoff only saves. Heap growth stays at V8's default: with 16 MB
 * semi-spaces (`npm start`) requests' short-lived objects die young, and the heap stayed ~110 MB through 20 s
 * of unknown keys (RSS peak 257 MB). With 4 MB semi-spaces they were promoted and the heap reached 172 MB
 * (RSS 336); a 20 % heap growth held that down but cost the API ~10 % of its throughput in full collections.
 * Not for PostgreSQL, where the process runs no WebAssembly.
 */
export function leanEmbeddedEngine(): void {
  v8.setFlagsFromString("--liftoff-only");
}

export async function openPglite(
  dataDir: string | null,
  loadDataDir?: Blob,
): Promise<{ pglite: PGlite; close: () => Promise<void> }> {
  if (!dataDir) {
    const pglite = await PGlite.create({ ...OPTIONS, loadDataDir });
    return { pglite, close: () => pglite.close() };
  }
  const release = acquireLock(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, OPTIONS);
    fs.chmodSync(dataDir, 0o700);
    return {
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10, whose `argTypes` differ from
 * 6.19's; it never reads `argTypes` at run time, so this one cast is safe. (0.7 needs Prisma 7.)
 */
export function pgliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withConstraintErrors(new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory);
}
