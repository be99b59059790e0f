/** Account B (its owner and admin, the most powerful roles) must not see or touch anything of account A's. */
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/core/registry";
import { listAuditEvents } from "@/modules/audit/data/queries";
import {
  createApiKey,
  deleteApiKey,
  rotateApiKey,
  setApiKeyEnabled,
  updateApiKey,
  type IssuedKey,
} from "@/modules/api-keys/data/mutations";
import { getApiKeyQuota, listApiKeys, listMailings } from "@/modules/api-keys/data/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createTestAccount, keyInput, keyRow, snapshotAccount, type TestAccount } from "../support/fixtures";

let a: TestAccount;
let b: TestAccount;
let aKey: IssuedKey;
let bKey: IssuedKey;

beforeEach(async () => {
  [a, b] = await Promise.all([createTestAccount("Acme"), createTestAccount("Globex")]);
  aKey = await createApiKey(a.ctx.owner, keyInput({ name: "Acme production", defaultMailingId: a.mailingId }));
  bKey = await createApiKey(b.ctx.owner, keyInput({ name: "Globex production" }));
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

const CROSS_TENANT_CALLS = {
  updateApiKey: () => updateApiKey(b.ctx.owner, aKey.key.id, keyInput({ name: "Hijacked", scopes: ["smtp"] })),
  rotateApiKey: () => rotateApiKey(b.ctx.owner, aKey.key.id, "24h"),
  "setApiKeyEnabled(false)": () => setApiKeyEnabled(b.ctx.owner, aKey.key.id, false),
  "setApiKeyEnabled(true)": () => setApiKeyEnabled(b.ctx.admin, aKey.key.id, true),
  // Even with the right confirmation name.
  deleteApiKey: () => deleteApiKey(b.ctx.owner, aKey.key.id, "Acme production"),
} as const;

describe("cross-tenant writes by id", () => {
  it.each(Object.entries(CROSS_TENANT_CALLS))("%s with another account's key id → NotFoundError, key unchanged", async (_n, call) => {
    const prisma = await getPrisma();
    const [beforeA, beforeB, eventsBefore] = await Promise.all([
      snapshotAccount(a.accountId),
      snapshotAccount(b.accountId),
      prisma.auditEvent.count(),
    ]);
    const error = await rejection(call());
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("API key not found.");

    const row = await keyRow(aKey.key.id);
    expect(row).not.toBeNull();
    const original = beforeA.keys.find((k) => k.id === aKey.key.id)!;
    expect(row).toMatchObject({
      secretHash: original.secretHash,
      name: "Acme production",
      enabled: true,
      scopes: ["subscribers"],
      previousSecretHash: null,
      accountId: a.accountId,
    });
    expect(await snapshotAccount(a.accountId)).toEqual(beforeA);
    expect(await snapshotAccount(b.accountId)).toEqual(beforeB);
    expect(await prisma.auditEvent.count()).toBe(eventsBefore);
  });
});

describe("cross-tenant reads", () => {
  it("B's lists contain only B's keys, mailings and events", async () => {
    for (const role of ["owner", "admin", "developer"] as const) {
      const keys = await listApiKeys(b.ctx[role]);
      expect(keys.map((k) => k.id)).toEqual([bKey.key.id]);
      expect(keys.map((k) => k.keyId)).not.toContain(aKey.key.keyId);
    }
    expect(await getApiKeyQuota(b.ctx.owner)).toEqual({ used: 1, max: 15 });
    expect((await listMailings(b.ctx.owner)).map((m) => m.id)).toEqual([b.mailingId]);
    const events = await listAuditEvents(b.ctx.owner, 100);
    expect(events.map((e) => e.targetLabel)).toEqual([bKey.key.keyId]);
  });

  it("keys A creates later still never show up for B", async () => {
    await Promise.all([1, 2, 3].map((i) => createApiKey(a.ctx.admin, keyInput({ name: `Acme ${i}` }))));
    const bIds = (await listApiKeys(b.ctx.owner)).map((k) => k.id);
    const aIds = (await listApiKeys(a.ctx.owner)).map((k) => k.id);
    expect(bIds).toEqual([bKey.key.id]);
    expect(aIds).toHaveLength(4);
    expect(aIds.filter((id) => bIds.includes(id))).toEqual([]);
  });
});

describe("cross-tenant default mailing", () => {
  it("createApiKey with A's mailing from B → ValidationError on defaultMailingId, nothing created", async () => {
    const prisma = await getPrisma();
    const before = await snapshotAccount(b.accountId);
    const keyCount = await prisma.apiKey.count();
    const error = await rejection(
      createApiKey(b.ctx.owner, keyInput({ name: "Sneaky", defaultMailingId: a.mailingId })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ defaultMailingId: ["Unknown mailing"] });
    expect(await snapshotAccount(b.accountId)).toEqual(before);
    expect(await prisma.apiKey.count()).toBe(keyCount);
    expect(await prisma.apiKey.count({ where: { defaultMailingId: a.mailingId } })).toBe(1); // only A's own key
  });

  it("updateApiKey of B's own key with A's mailing → ValidationError, key unchanged", async () => {
    const before = await snapshotAccount(b.accountId);
    const error = await rejection(
      updateApiKey(b.ctx.admin, bKey.key.id, keyInput({ name: "Renamed", defaultMailingId: a.mailingId })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ defaultMailingId: ["Unknown mailing"] });
    expect(await snapshotAccount(b.accountId)).toEqual(before);
    expect((await keyRow(bKey.key.id))?.name).toBe("Globex production");
  });

  it("an unknown mailing id is rejected the same way", async () => {
    const error = await rejection(createApiKey(b.ctx.owner, keyInput({ defaultMailingId: "does-not-exist" })));
    expect(error).toBeInstanceOf(ValidationError);
    // The same answer as for another account's mailing: the caller cannot tell the two apart.
    expect((error as ValidationError).fieldErrors).toEqual({ defaultMailingId: ["Unknown mailing"] });
  });

  it("B's own mailing is accepted (the check is by account, not a blanket refusal)", async () => {
    const issued = await createApiKey(b.ctx.owner, keyInput({ defaultMailingId: b.mailingId }));
    expect(issued.key.defaultMailing?.id).toBe(b.mailingId);
  });
});
