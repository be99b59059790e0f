import { describe, expect, it } from "vitest";
import type { ActorContext } from "@/lib/auth/context";
import { listAuditEvents } from "@/modules/audit/data/queries";
import { createApiKey, deleteApiKey, rotateApiKey, setApiKeyEnabled, updateApiKey } from "@/modules/api-keys/data/mutations";
import { listApiKeys } from "@/modules/api-keys/data/queries";
import { secretMatches } from "@/core/secrets/generate";
import { ValidationError } from "@/lib/errors";
import { auditEventsOf, createTestAccount, keyInput, keyRow, splitKey, type TestAccount } from "../support/fixtures";

type Event = Awaited<ReturnType<typeof auditEventsOf>>[number];

/** Runs one change and returns it with the single audit event it wrote (which must be the account's latest). */
async function step<T>(acct: TestAccount, fn: () => Promise<T>): Promise<{ result: T; event: Event }> {
  const before = await auditEventsOf(acct.accountId);
  const result = await fn();
  const after = await auditEventsOf(acct.accountId);
  expect(after).toHaveLength(before.length + 1);
  const event = after.at(-1)!;
  expect(before.map((e) => e.id)).not.toContain(event.id);
  return { result, event };
}

function expectEvent(event: Event, action: string, ctx: ActorContext, key: { id: string; keyId: string }) {
  expect(event).toMatchObject({
    action,
    accountId: ctx.accountId,
    actorId: ctx.userId,
    actorEmail: ctx.email,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    targetType: "api_key",
    targetId: key.id,
    targetLabel: key.keyId,
  });
}

const ONE_MINUTE = 60_000;
const DAY = 24 * 60 * ONE_MINUTE;

describe("audit trail of a key's lifecycle", () => {
  it("create → update → rotate → disable → enable → delete: one correct event each, kept after deletion", async () => {
    const acct = await createTestAccount("Lifecycle");
    const { owner, admin } = acct.ctx;
    admin.ip = "192.0.2.200"; // a different actor and address, so the fields are really taken from the caller
    admin.userAgent = "admin-browser";

    const created = await step(acct, () => createApiKey(owner, keyInput({ name: "Billing", scopes: ["subscribers"] })));
    const key = created.result.key;
    expectEvent(created.event, "api_key.created", owner, key);
    expect(created.event.details).toEqual({ name: "Billing", scopes: ["subscribers"] });

    const updated = await step(acct, () => updateApiKey(admin, key.id, keyInput({ name: "Billing v2", scopes: ["articles", "smtp"] })));
    expectEvent(updated.event, "api_key.updated", admin, key);
    expect(updated.event.details).toEqual({ name: "Billing v2", changed: ["name", "scopes"] });

    const rotated = await step(acct, () => rotateApiKey(owner, key.id, "24h"));
    expectEvent(rotated.event, "api_key.rotated", owner, key);
    expect(rotated.event.details).toEqual({ name: "Billing v2", oldSecretValidFor: "24h" });

    expectEvent((await step(acct, () => setApiKeyEnabled(admin, key.id, false))).event, "api_key.disabled", admin, key);
    expect((await keyRow(key.id))?.enabled).toBe(false);
    expectEvent((await step(acct, () => setApiKeyEnabled(owner, key.id, true))).event, "api_key.enabled", owner, key);
    expect((await keyRow(key.id))?.enabled).toBe(true);

    const wrong = await deleteApiKey(admin, key.id, "Billing").then(() => null, (e: unknown) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect((wrong as ValidationError).fieldErrors?.confirmName).toEqual([expect.stringContaining("Billing v2")]);
    expect(await keyRow(key.id)).not.toBeNull();
    expect(await auditEventsOf(acct.accountId)).toHaveLength(5); // the refused delete wrote nothing

    const deleted = await step(acct, () => deleteApiKey(admin, key.id, "  Billing v2 "));
    expect(deleted.result).toEqual({ keyId: key.keyId });
    expectEvent(deleted.event, "api_key.deleted", admin, key);
    expect(await keyRow(key.id)).toBeNull();

    const trail = (await auditEventsOf(acct.accountId)).filter((e) => e.targetId === key.id);
    expect(trail.map((e) => e.action)).toEqual([
      "api_key.created",
      "api_key.updated",
      "api_key.rotated",
      "api_key.disabled",
      "api_key.enabled",
      "api_key.deleted",
    ]);
    const listed = await listAuditEvents(acct.ctx.developer);
    expect(listed.map((e) => e.action)).toEqual(trail.map((e) => e.action).reverse());
    expect(listed.every((e) => e.targetLabel === key.keyId)).toBe(true);
  });

  it("update: details.changed names exactly the changed fields and the secret hash never changes", async () => {
    const acct = await createTestAccount("Update");
    const { result } = await step(acct, () => createApiKey(acct.ctx.owner, keyInput({ name: "Reports" })));
    const { id } = result.key;
    const hash = (await keyRow(id))!.secretHash;
    const changes = async (values: Parameters<typeof keyInput>[0]) =>
      ((await step(acct, () => updateApiKey(acct.ctx.owner, id, keyInput(values)))).event.details as { changed: string[] }).changed;

    expect(await changes({ name: "Reports" })).toEqual([]);
    expect(await changes({ name: "Reports 2", scopes: ["statistics", "campaigns"] })).toEqual(["name", "scopes"]);
    expect(
      await changes({ name: "Reports 2", scopes: ["statistics", "campaigns"], description: "BI", allowedIps: "10.0.0.0/8", expiresOn: "2099-01-31" }),
    ).toEqual(["description", "allowedIps", "expiresAt"]);
    expect(await changes({ name: "Reports 2", scopes: ["statistics", "campaigns"], defaultMailingId: acct.mailingId, permissions: ["archive_ready_to_receive"] }))
      .toEqual(["description", "permissions", "allowedIps", "expiresAt", "defaultMailingId"]); // back to defaults + new ones

    const row = (await keyRow(id))!;
    expect(row).toMatchObject({ secretHash: hash, previousSecretHash: null, rotatedAt: null, defaultMailingId: acct.mailingId });
  });
});

describe("rotation", () => {
  it("grace 'now': new secret on the same key id, old secret dead at once", async () => {
    const acct = await createTestAccount("RotateNow");
    const issued = await createApiKey(acct.ctx.owner, keyInput());
    const old = splitKey(issued.plaintextKey);
    const oldHash = (await keyRow(issued.key.id))!.secretHash;

    const rotated = await rotateApiKey(acct.ctx.admin, issued.key.id, "now");
    const fresh = splitKey(rotated.plaintextKey);
    expect(fresh.keyId).toBe(old.keyId);
    expect(fresh.keyId).toBe(issued.key.keyId);
    expect(fresh.secret).not.toBe(old.secret);

    const row = (await keyRow(issued.key.id))!;
    expect(row.secretHash).not.toBe(oldHash);
    expect(secretMatches(fresh.secret, row.secretHash)).toBe(true);
    expect(secretMatches(old.secret, row.secretHash)).toBe(false);
    expect(row).toMatchObject({ previousSecretHash: null, previousSecretExpiresAt: null, secretLast5: fresh.secret.slice(-5) });
    expect(row.rotatedAt).toBeInstanceOf(Date);
    expect(rotated.key.maskedSecret.endsWith(fresh.secret.slice(-5))).toBe(true);
  });

  it("grace '24h': the replaced secret (only that one) keeps working for 24 hours", async () => {
    const acct = await createTestAccount("Rotate24h");
    const issued = await createApiKey(acct.ctx.owner, keyInput());
    const first = splitKey(issued.plaintextKey).secret;

    const t0 = Date.now();
    const second = splitKey((await rotateApiKey(acct.ctx.owner, issued.key.id, "24h")).plaintextKey).secret;
    let row = (await keyRow(issued.key.id))!;
    expect(secretMatches(second, row.secretHash)).toBe(true);
    expect(secretMatches(first, row.secretHash)).toBe(false);
    expect(secretMatches(first, row.previousSecretHash!)).toBe(true);
    expect(Math.abs(row.previousSecretExpiresAt!.getTime() - (t0 + DAY))).toBeLessThan(ONE_MINUTE);
    const [dto] = await listApiKeys(acct.ctx.developer);
    expect(dto!.previousSecretExpiresAt).toEqual(row.previousSecretExpiresAt);

    // A second rotation keeps only the secret it replaces; the first one stops working now.
    const third = splitKey((await rotateApiKey(acct.ctx.owner, issued.key.id, "24h")).plaintextKey).secret;
    row = (await keyRow(issued.key.id))!;
    expect(secretMatches(third, row.secretHash)).toBe(true);
    expect(secretMatches(second, row.previousSecretHash!)).toBe(true);
    expect(secretMatches(first, row.previousSecretHash!)).toBe(false);

    await rotateApiKey(acct.ctx.owner, issued.key.id, "now");
    row = (await keyRow(issued.key.id))!;
    expect(row).toMatchObject({ previousSecretHash: null, previousSecretExpiresAt: null });
  });
});

describe("listAuditEvents", () => {
  it("is newest first, scoped to the caller's account and honours the limit", async () => {
    const [acct, other] = await Promise.all([createTestAccount("Mine"), createTestAccount("Theirs")]);
    const k1 = await createApiKey(acct.ctx.owner, keyInput({ name: "First" }));
    const foreign = await createApiKey(other.ctx.owner, keyInput({ name: "Foreign" }));
    const k2 = await createApiKey(acct.ctx.owner, keyInput({ name: "Second" }));
    await setApiKeyEnabled(acct.ctx.owner, k1.key.id, false);
    await rotateApiKey(other.ctx.owner, foreign.key.id, "now");

    const events = await listAuditEvents(acct.ctx.developer);
    expect(events.map((e) => [e.action, e.targetLabel])).toEqual([
      ["api_key.disabled", k1.key.keyId],
      ["api_key.created", k2.key.keyId],
      ["api_key.created", k1.key.keyId],
    ]);
    const times = events.map((e) => e.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(events.every((e) => e.actorEmail === acct.ctx.owner.email)).toBe(true);
    expect((await listAuditEvents(acct.ctx.owner, 1)).map((e) => e.action)).toEqual(["api_key.disabled"]);
    expect((await listAuditEvents(other.ctx.owner)).map((e) => e.targetLabel)).toEqual([foreign.key.keyId, foreign.key.keyId]);
  });
});
