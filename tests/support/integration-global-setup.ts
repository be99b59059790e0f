import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/core/db/client";
import { applyMigrations } from "@/core/db/migrate";

/**
 * Runs initdb and the migrations once, then hands every test file a dump to start its own in-memory PGlite
 * from: each file still gets a private database, without paying seconds of initdb each.
 */
export default async function setup(project: TestProject) {
  if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) return;
  const db = await openDatabase({ kind: "pglite", dataDir: null });
  await applyMigrations(db.sql);
  const dump = await db.pglite!.dumpDataDir("none");
  await db.close();
  const file = path.join(os.tmpdir(), `dc-pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(file, { force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
