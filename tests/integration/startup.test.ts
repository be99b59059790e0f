import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/core/db/client";
import { applyMigrations, listMigrations } from "@/core/db/migrate";
import { checkDatabase, checkEnvironment, StartupError } from "@/core/db/startup";
import { DatabaseLockedError } from "@/core/db/pglite";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dc-startup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("start-up checks", () => {
  it("refuses a database with pending migrations, naming them and the command to run", async () => {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    try {
      const error = await checkDatabase(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toContain(`${listMigrations().length} pending migration(s)`);
      expect((error as Error).message).toContain("npm run db:migrate");
      await applyMigrations(db.sql);
      await expect(checkDatabase(db)).resolves.toBeUndefined();
    } finally {
      await db.close();
    }
  });

  it("refuses an unreachable PostgreSQL with a clear message", async () => {
    const db = await openDatabase({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    try {
      await expect(checkDatabase(db)).rejects.toThrow(/Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/nowhere\)/);
    } finally {
      await db.close();
    }
  });

  it("lets only one process open an embedded data directory", async () => {
    const dataDir = path.join(dir, "pglite");
    const first = await openDatabase({ kind: "pglite", dataDir });
    try {
      // Pretend another live process holds the lock (our parent, which is certainly alive).
      fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
      const error = await openDatabase({ kind: "pglite", dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toMatch(/is in use by process \d+\. Only one process may open it at a time/);
    } finally {
      fs.writeFileSync(`${dataDir}.lock`, String(process.pid));
      await first.close();
    }
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("requires long enough AUTH_SECRET and API_KEY_PEPPER", () => {
    expect(checkEnvironment({ AUTH_SECRET: "x".repeat(32), API_KEY_PEPPER: "y".repeat(32) })).toEqual([]);
    expect(checkEnvironment({ AUTH_SECRET: "", API_KEY_PEPPER: "short" })).toEqual([
      "AUTH_SECRET must be at least 32 characters",
      "API_KEY_PEPPER must be at least 32 characters",
    ]);
  });
});
