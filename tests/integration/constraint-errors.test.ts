/**
 * Constraint violations reach our code as Prisma's known errors on both databases (P2002 unique, P2003 foreign
 * key, named NullConstraintViolation for NOT NULL), also inside transactions: on PGlite via core/db/pglite-errors.ts.
 */
import { describe, expect, it } from "vitest";
import { Prisma } from "@/core/generated/prisma/client";
import { getPrisma } from "@/core/registry";
import { createTestAccount } from "../support/fixtures";

const keyData = (accountId: string, keyId: string) => ({
  accountId,
  name: "Constraint",
  keyId,
  secretHash: "0".repeat(64),
  secretLast5: "00000",
  scopes: ["subscribers"],
  permissions: [],
  allowedIps: [],
});

async function errorOf(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  return error as Prisma.PrismaClientKnownRequestError;
}

describe("constraint errors", () => {
  it("a duplicate unique value is P2002 naming the field, outside and inside a transaction", async () => {
    const acct = await createTestAccount("Constraints");
    const prisma = await getPrisma();
    await prisma.apiKey.create({ data: keyData(acct.accountId, "dc_Constraint000001") });
    const outside = await errorOf(() => prisma.apiKey.create({ data: keyData(acct.accountId, "dc_Constraint000001") }));
    expect(outside.code).toBe("P2002");
    expect(JSON.stringify(outside.meta)).toContain("keyId");
    const inside = await errorOf(() => prisma.$transaction((tx) => tx.apiKey.create({ data: keyData(acct.accountId, "dc_Constraint000001") })));
    expect(inside.code).toBe("P2002");
  });

  it("a missing parent row is P2003", async () => {
    const prisma = await getPrisma();
    const error = await errorOf(() => prisma.apiKey.create({ data: keyData("no-such-account", "dc_Constraint000002") }));
    expect(error.code).toBe("P2003");
    expect(JSON.stringify(error.meta)).toContain("ApiKey_accountId_fkey");
  });

  it("a NULL in a required column (raw SQL) is P2010 with a NullConstraintViolation of code 23502 on both", async () => {
    const prisma = await getPrisma();
    const error = await prisma.$executeRawUnsafe(`INSERT INTO "Mailing" ("id", "accountId", "name") VALUES ('m-null', NULL, 'x')`).then(
      () => null,
      (e: unknown) => e as { code?: string; meta?: unknown; message: string },
    );
    expect(error).not.toBeNull();
    expect(error!.code).toBe("P2010");
    expect(error!.meta).toMatchObject({ driverAdapterError: { cause: { kind: "NullConstraintViolation", originalCode: "23502" } } });
  });
});
