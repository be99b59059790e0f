import crypto from "node:crypto";
import pg from "pg";
import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase } from "@/core/db/client";
import { applyMigrations } from "@/core/db/migrate";
import { getDatabase, setChangeSink, setDatabase } from "@/core/registry";

/**
 * Each integration test file gets a database of its own: an in-memory PGlite by default, or, when
 * DATABASE_URL is a postgres URL, a fresh database on that server (dropped afterwards). The app's data layer
 * finds it through core/registry.ts, as it finds the one server.ts opened.
 */
process.env.API_KEY_PEPPER ??= "integration-test-pepper-0123456789abcdef";
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";

const serverUrl = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : null;
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  // Files may share a worker (and so globalThis): start without another file's API as the write-through sink.
  setChangeSink(null);
  let url: string | null = null;
  if (serverUrl) {
    const name = `dc_it_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const template = url ? undefined : inject("pgliteTemplate");
  const db = await openDatabase(
    url
      ? { kind: "postgres", url }
      : { kind: "pglite", dataDir: null, loadDataDir: template ? new Blob([fs.readFileSync(template)]) : undefined },
  );
  await applyMigrations(db.sql); // no-op on the migrated template

  setDatabase(db);
});

afterAll(async () => {
  const db = await getDatabase();
  await db.close();
  setDatabase(null);
  setChangeSink(null);
  await dropDatabase?.();
});
