/**
 * Key emails (issue 10): "expires within 7 days" to the account's owners and admins (and the parent's, for a
 * subaccount) once per expiry date, never to developers/viewers or people who turned it off; the weekly rotation
 * digest once a week; a staff decision reaches the requester. All read back from the outbox.
 */
import { describe, expect, it } from "vitest";
import { sendExpiryNotices, sendRotationDigests } from "@/core/notifications/key-notices";
import { getPrisma } from "@/core/registry";
import { createApiKey, updateApiKey } from "@/modules/api-keys/data/mutations";
import { updateNotificationSettings } from "@/modules/profile/data/notifications";
import { createTestAccount, keyInput } from "../support/fixtures";

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function outboxTo(emails: string[], kind: string) {
  const prisma = await getPrisma();
  return prisma.outboxEmail.findMany({ where: { to: { in: emails }, kind }, orderBy: { createdAt: "asc" } });
}

describe("expiry notices", () => {
  it("go once per expiry date to owners and admins who want them; a new date gets its own", async () => {
    const acct = await createTestAccount("Expiry");
    const prisma = await getPrisma();
    await updateNotificationSettings(acct.ctx.admin, { keyExpiry: false, rotationDigest: true });
    const everyone = Object.values(acct.ctx).map((c) => c.email);
    const { key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Soon", expiresOn: dateIn(3) }));
    await createApiKey(acct.ctx.owner, keyInput({ name: "Later", expiresOn: dateIn(30) }));

    await sendExpiryNotices(prisma);
    let sent = await outboxTo(everyone, "key_expiring");
    expect(sent.map((m) => m.to)).toEqual([acct.ctx.owner.email]);
    expect(sent[0]!.subject).toMatch(/“Soon” expires in [34] days/);
    expect(sent[0]!.text).toContain(key.keyId);

    await Promise.all([sendExpiryNotices(prisma), sendExpiryNotices(prisma)]); // again, and two instances at once
    expect(await outboxTo(everyone, "key_expiring")).toHaveLength(1);

    await updateApiKey(acct.ctx.owner, key.id, keyInput({ name: "Soon", expiresOn: dateIn(5) }));
    await sendExpiryNotices(prisma);
    sent = await outboxTo(everyone, "key_expiring");
    expect(sent).toHaveLength(2);
  });
});

describe("rotation digest", () => {
  it("lists keys not rotated for 90 days, weekly, to managers who want it", async () => {
    const acct = await createTestAccount("Digest");
    const prisma = await getPrisma();
    const { key } = await createApiKey(acct.ctx.owner, keyInput({ name: "Ancient" }));
    await createApiKey(acct.ctx.owner, keyInput({ name: "Fresh" }));
    await prisma.apiKey.update({ where: { id: key.id }, data: { createdAt: new Date(Date.now() - 120 * DAY) } });
    await updateNotificationSettings(acct.ctx.owner, { keyExpiry: true, rotationDigest: false });
    const everyone = Object.values(acct.ctx).map((c) => c.email);

    await sendRotationDigests(prisma);
    let sent = await outboxTo(everyone, "rotation_digest");
    expect(sent.map((m) => m.to)).toEqual([acct.ctx.admin.email]);
    expect(sent[0]!.text).toContain("“Ancient”");
    expect(sent[0]!.text).not.toContain("“Fresh”");

    await sendRotationDigests(prisma); // the same week: nothing
    expect(await outboxTo(everyone, "rotation_digest")).toHaveLength(1);
    await sendRotationDigests(prisma, new Date(Date.now() + 8 * DAY)); // a week later: again
    sent = await outboxTo(everyone, "rotation_digest");
    expect(sent).toHaveLength(2);
  });
});
