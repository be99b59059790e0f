import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/core/registry";
import { createApiKey, rotateApiKey } from "@/modules/api-keys/data/mutations";
import { listApiKeys } from "@/modules/api-keys/data/queries";
import { hashSecret } from "@/core/secrets/generate";
import { SECRET_RANDOM_LENGTH } from "@/core/secrets/key-format";
import { auditEventsOf, createTestAccount, keyInput, keyRow, splitKey } from "../support/fixtures";

/** Every row of every table in the public schema, as JSON text. */
async function dumpDatabase(): Promise<Map<string, string[]>> {
  const db = await getDatabase();
  const { rows: tables } = await db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const dump = new Map<string, string[]>();
  for (const { table_name } of tables) {
    const { rows } = await db.sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    dump.set(table_name, rows.map((r) => r.row));
  }
  return dump;
}

/** Every property name anywhere in a value. */
function propertyNames(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => propertyNames(v, out));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      propertyNames(v, out);
    }
  }
  return out;
}

async function issueAndRotate() {
  const acct = await createTestAccount("AtRest");
  const issued = await createApiKey(acct.ctx.owner, keyInput({ name: "Warehouse sync", description: "nightly" }));
  const rotated = await rotateApiKey(acct.ctx.owner, issued.key.id, "24h");
  const old = splitKey(issued.plaintextKey);
  const fresh = splitKey(rotated.plaintextKey);
  return { acct, issued, rotated, old, fresh };
}

describe("secrets at rest", () => {
  it("no table holds a plaintext key, a secret or the random part of one", async () => {
    const { acct, issued, rotated, old, fresh } = await issueAndRotate();
    const needles = {
      oldPlaintext: issued.plaintextKey,
      newPlaintext: rotated.plaintextKey,
      oldSecret: old.secret,
      newSecret: fresh.secret,
      oldRandom: old.secret.slice(0, SECRET_RANDOM_LENGTH),
      newRandom: fresh.secret.slice(0, SECRET_RANDOM_LENGTH),
    };

    const dump = await dumpDatabase();
    expect([...dump.keys()]).toEqual(expect.arrayContaining(["Account", "User", "ApiKey", "AuditEvent", "Mailing"]));
    // The dump really contains the key row and its audit events (so an empty dump cannot pass).
    expect(dump.get("ApiKey")!.join("\n")).toContain(issued.key.keyId);
    expect(dump.get("AuditEvent")!.filter((r) => r.includes(issued.key.keyId))).toHaveLength(2);

    for (const [table, rows] of dump) {
      const text = rows.join("\n");
      for (const [what, needle] of Object.entries(needles)) {
        expect(text.includes(needle), `${what} found in table ${table}`).toBe(false);
      }
    }
    for (const event of await auditEventsOf(acct.accountId)) {
      const details = JSON.stringify(event.details);
      for (const needle of Object.values(needles)) expect(details).not.toContain(needle);
      expect(details).not.toMatch(/[0-9a-f]{64}/); // no hash either
    }
  });

  it("stores HMAC-SHA-256(pepper, secret) and the secret's last five characters", async () => {
    const { issued, old, fresh } = await issueAndRotate();
    const row = (await keyRow(issued.key.id))!;
    const pepper = process.env.API_KEY_PEPPER!;
    const hmac = (s: string) => crypto.createHmac("sha256", pepper).update(s).digest("hex");

    expect(row.secretHash).toBe(hashSecret(fresh.secret));
    expect(row.secretHash).toBe(hmac(fresh.secret));
    expect(row.secretHash).not.toBe(crypto.createHash("sha256").update(fresh.secret).digest("hex")); // peppered
    expect(row.previousSecretHash).toBe(hmac(old.secret));
    expect(row.secretLast5).toBe(fresh.secret.slice(-5));
    expect(row.secretLast5).toHaveLength(5);
    expect(row.keyId).toBe(fresh.keyId);
  });

  it("DTOs (list, create, rotate) carry no hash property and no secret", async () => {
    const { acct, issued, rotated, old, fresh } = await issueAndRotate();
    const row = (await keyRow(issued.key.id))!;
    const listed = await listApiKeys(acct.ctx.developer);
    expect(listed).toHaveLength(1);

    for (const dto of [listed, issued.key, rotated.key]) {
      const names = [...propertyNames(dto)];
      expect(names).not.toContain("secretHash");
      expect(names).not.toContain("previousSecretHash");
      expect(names.filter((n) => /hash|^secret|plaintext/i.test(n))).toEqual([]);
      const json = JSON.stringify(dto);
      for (const needle of [old.secret, fresh.secret, issued.plaintextKey, rotated.plaintextKey, row.secretHash, row.previousSecretHash!]) {
        expect(json).not.toContain(needle);
      }
    }
    expect(listed[0]!.maskedSecret).toBe(`•••••${fresh.secret.slice(-5)}`);
  });
});
