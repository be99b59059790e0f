/**
 * The process's shared handles: the database and this instance's change sink (the verification API's caches).
 *
 * Why globalThis: `next build` bundles its own copy of every module the app imports, apart from the copy that
 * server.ts loads through tsx, so plain module state would give Next and server.ts two databases (and PGlite
 * allows one opener) and leave the app's mutations unable to reach the API's key cache. This is the ONE file
 * allowed to touch globalThis (lint enforces it); everything else imports these typed getters, so each
 * hand-off shows in the import graph.
 */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { openDatabase, type Database } from "./db/client";
import type { ChangeSink } from "./events";

type Slots = { database?: Promise<Database>; changeSink?: ChangeSink };

const KEY = Symbol.for("developers-corner.registry");
const store = globalThis as typeof globalThis & { [KEY]?: Slots };
const slots = (store[KEY] ??= {});

/** server.ts, scripts and test set-up register the database they opened; Next's copy then finds it. */
export function setDatabase(db: Database | null): void {
  slots.database = db ? Promise.resolve(db) : undefined;
}

/** The process's database; opened on first use when nothing registered one (e.g. `next dev`). */
export function getDatabase(): Promise<Database> {
  slots.database ??= openDatabase();
  return slots.database;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** The verification API of this process registers where committed changes go (write-through to its caches). */
export function setChangeSink(sink: ChangeSink | null): void {
  slots.changeSink = sink ?? undefined;
}

export function getChangeSink(): ChangeSink | undefined {
  return slots.changeSink;
}
