/**
 * Key notifications (issue 10), queued in the outbox like every email: an owner or admin hears when a key they
 * manage expires within 7 days (once per expiry date), and gets a weekly digest of keys due for rotation (not
 * rotated for ROTATION_AGE_DAYS). "Manage" follows the dashboard: the account's own owners and admins, and for a
 * subaccount also the parent's (inherited admins). The rotation age is each account's `keyRotationDays` (default
 * ROTATION_AGE_DAYS). Each person can turn either email off on the profile page.
 * Every claim is a conditional update in the email's transaction, so several instances never send one twice.
 */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { formatAccountNumber } from "@/core/account-number";
import { renderEmail } from "@/core/mail/layout";
import { enqueueEmail } from "@/core/mail/outbox";
import { publicUrl } from "@/core/mail/public-url";
import { ROTATION_AGE_DAYS } from "./rotation";

const DAY_MS = 86_400_000;
const KEYS_PATH = "/settings/developers/api-keys";
const MANAGERS = { role: { in: ["owner", "admin"] as ("owner" | "admin")[] } };

type Recipient = { id: string; email: string };

/** Owners and admins of the account and of its parent, who want `flag`. */
async function managersOf(prisma: PrismaClient, accountIds: string[], flag: "notifyKeyExpiry" | "notifyRotationDigest"): Promise<Recipient[]> {
  const rows = await prisma.membership.findMany({
    where: { accountId: { in: accountIds }, ...MANAGERS, user: { [flag]: true, staff: false } },
    select: { user: { select: { id: true, email: true } } },
  });
  return [...new Map(rows.map((r) => [r.user.id, r.user])).values()];
}

/** Keys expiring within 7 days whose notice has not gone out for their current expiry date. */
export async function sendExpiryNotices(prisma: PrismaClient, now = new Date()): Promise<number> {
  const due = await prisma.apiKey.findMany({
    where: { enabled: true, expiryNoticeSentAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + 7 * DAY_MS) }, account: { deletedAt: null } },
    select: { id: true, keyId: true, name: true, expiresAt: true, account: { select: { id: true, name: true, number: true, parentId: true } } },
  });
  let sent = 0;
  for (const key of due) {
    const recipients = await managersOf(prisma, [key.account.id, ...(key.account.parentId ? [key.account.parentId] : [])], "notifyKeyExpiry");
    const days = Math.max(1, Math.ceil((key.expiresAt!.getTime() - now.getTime()) / DAY_MS));
    sent += await prisma.$transaction(async (tx) => {
      const claimed = await tx.apiKey.updateMany({ where: { id: key.id, expiryNoticeSentAt: null }, data: { expiryNoticeSentAt: now } });
      if (claimed.count === 0) return 0; // another instance took it
      for (const r of recipients) {
        await enqueueEmail(tx, "key_expiring", r.email, renderEmail({
          subject: `API key “${key.name}” expires in ${days} day${days === 1 ? "" : "s"}`,
          heading: `“${key.name}” expires soon`,
          paragraphs: [
            `The API key “${key.name}” (${key.keyId}) of ${key.account.name} (${formatAccountNumber(key.account.number)}) stops working on ${key.expiresAt!.toISOString().slice(0, 10)} (UTC).`,
            "Create a replacement, or change its expiry date, before then.",
          ],
          action: { label: "Open API keys", url: publicUrl(KEYS_PATH) },
          footer: "Developer's corner — turn these emails off on your profile page",
        }));
      }
      return recipients.length;
    });
  }
  return sent;
}

/** Weekly: to each owner/admin who wants it, the keys they manage not rotated within their account's rotation age. */
export async function sendRotationDigests(prisma: PrismaClient, now = new Date()): Promise<number> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const people = await prisma.user.findMany({
    where: { staff: false, notifyRotationDigest: true, OR: [{ lastRotationDigestAt: null }, { lastRotationDigestAt: { lte: weekAgo } }], memberships: { some: MANAGERS } },
    select: { id: true, email: true, memberships: { where: MANAGERS, select: { accountId: true } } },
  });
  let sent = 0;
  for (const person of people) {
    const accountIds = person.memberships.map((m) => m.accountId);
    const accounts = await prisma.account.findMany({
      where: { deletedAt: null, OR: [{ id: { in: accountIds } }, { parentId: { in: accountIds } }] },
      select: { id: true, keyRotationDays: true },
    });
    const perAccount = accounts.map((a) => {
      const cutoff = new Date(now.getTime() - (a.keyRotationDays || ROTATION_AGE_DAYS) * DAY_MS);
      return { accountId: a.id, OR: [{ rotatedAt: { lte: cutoff } }, { rotatedAt: null, createdAt: { lte: cutoff } }] };
    });
    if (perAccount.length === 0) continue;
    const stale = await prisma.apiKey.findMany({
      where: { enabled: true, OR: perAccount },
      select: { keyId: true, name: true, createdAt: true, rotatedAt: true, account: { select: { name: true, keyRotationDays: true } } },
      orderBy: [{ createdAt: "asc" }],
      take: 50,
    });
    if (stale.length === 0) continue;
    sent += await prisma.$transaction(async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: person.id, OR: [{ lastRotationDigestAt: null }, { lastRotationDigestAt: { lte: weekAgo } }] },
        data: { lastRotationDigestAt: now },
      });
      if (claimed.count === 0) return 0;
      const lines = stale.map((k) => {
        const age = Math.floor((now.getTime() - (k.rotatedAt ?? k.createdAt).getTime()) / DAY_MS);
        return `${k.account.name}: “${k.name}” (${k.keyId}) — ${k.rotatedAt ? "secret last changed" : "created"} ${age} days ago`;
      });
      await enqueueEmail(tx, "rotation_digest", person.email, renderEmail({
        subject: `${stale.length} API key${stale.length === 1 ? " is" : "s are"} due for rotation`,
        heading: "Keys due for rotation",
        paragraphs: ["These keys have not had a new secret within their account's rotation period. Use “Change key” to rotate one without downtime.", ...lines],
        action: { label: "Open API keys", url: publicUrl(KEYS_PATH) },
        footer: "Developer's corner — a weekly digest; turn it off on your profile page",
      }));
      return 1;
    });
  }
  return sent;
}

/** Runs both every `everyMs` (default hourly; first run a minute after start) in the server process. */
export function startKeyNotices(prisma: PrismaClient, everyMs = Number(process.env.KEY_NOTICES_EVERY_MS ?? 3_600_000)): () => void {
  const run = async () => {
    const [expiring, digests] = [await sendExpiryNotices(prisma), await sendRotationDigests(prisma)];
    if (expiring + digests > 0) console.log(`[notices] queued ${expiring} expiry notice(s), ${digests} rotation digest(s)`);
  };
  const tick = () => void run().catch((e: Error) => console.error(`[notices] failed: ${e.message}`));
  const first = setTimeout(tick, Math.min(60_000, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
