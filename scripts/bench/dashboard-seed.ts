/**
 * The dashboard bench's data, written straight into its own database: one account, its owner, two mailings,
 * 15 keys (the per-account maximum) in a realistic mix, 30 days of usage for each and 200 audit events.
 */
import crypto from "node:crypto";
import type { DatabaseConfig } from "@/core/db/config";
import { resetAndMigrate } from "@/core/db/reset";
import { generateKeyId, issueSecret } from "@/core/secrets/generate";
import { hashPassword } from "@/lib/auth/password";

export const BENCH_EMAIL = "bench-owner@example.com";
export const BENCH_PASSWORD = "bench-password-1";
const DAY = 86_400_000;
const ACTIONS = ["api_key.created", "api_key.updated", "api_key.rotated", "api_key.disabled", "api_key.enabled", "api_key.deleted"];
const SCOPE_SETS = [["subscribers"], ["subscribers", "articles", "statistics"], ["statistics"], ["subscribers", "statistics"], ["keys:verify"]];

export async function seedDashboardBench(config: DatabaseConfig): Promise<{ keys: number; usageRows: number; events: number }> {
  const db = await resetAndMigrate(config);
  try {
    const { prisma } = db;
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const account = await prisma.account.create({ data: { name: "Bench Ltd." } });
    const owner = await prisma.user.create({
      data: { email: BENCH_EMAIL, name: "Bench Owner", passwordHash, memberships: { create: { accountId: account.id, role: "owner" } } },
    });
    const mailing = await prisma.mailing.create({ data: { accountId: account.id, name: "Welcome series" } });
    await prisma.mailing.create({ data: { accountId: account.id, name: "Monthly newsletter" } });

    const now = Date.now();
    const keys = await prisma.apiKey.createManyAndReturn({
      select: { id: true, keyId: true, name: true },
      data: Array.from({ length: 15 }, (_, i) => {
        const keyId = generateKeyId();
        const issued = issueSecret(keyId);
        return {
          accountId: account.id,
          name: `Integration ${i + 1} — ${["website signup form", "CRM sync", "reporting script", "mobile app", "partner portal"][i % 5]}`,
          description: i % 3 === 0 ? "" : `Used by the ${["marketing", "sales", "data"][i % 3]} team's service in production`,
          keyId,
          secretHash: issued.secretHash,
          secretLast5: issued.secretLast5,
          scopes: SCOPE_SETS[i % SCOPE_SETS.length]!,
          permissions: i % 4 === 0 ? ["reactivate_archived_manual"] : [],
          allowedIps: i % 3 === 1 ? ["203.0.113.0/24", "2001:db8::/32"] : [],
          enabled: i % 7 !== 6,
          expiresAt: i % 5 === 4 ? new Date(now + (i - 7) * 10 * DAY) : null,
          defaultMailingId: i % 4 === 1 ? mailing.id : null,
          createdById: owner.id,
          createdAt: new Date(now - (40 - i) * DAY),
          lastUsedAt: i % 6 === 5 ? null : new Date(now - i * 3_600_000),
          lastUsedIp: i % 6 === 5 ? null : `198.51.100.${i + 1}`,
        };
      }),
    });

    const today = now - (now % DAY);
    const usage = keys.flatMap((key) =>
      Array.from({ length: 30 }, (_, d) => ({ apiKeyId: key.id, day: new Date(today - d * DAY), count: crypto.randomInt(0, 5000) })),
    );
    await prisma.apiKeyUsage.createMany({ data: usage });

    const events = Array.from({ length: 200 }, (_, i) => {
      const key = keys[i % keys.length]!;
      return {
        accountId: account.id,
        actorId: owner.id,
        actorEmail: BENCH_EMAIL,
        action: ACTIONS[i % ACTIONS.length]!,
        targetType: "api_key",
        targetId: key.id,
        targetLabel: key.keyId,
        ip: `198.51.100.${(i % 200) + 1}`,
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        details: { name: key.name, changed: ["name", "scopes"] },
        createdAt: new Date(now - (200 - i) * 3 * 3_600_000),
      };
    });
    await prisma.auditEvent.createMany({ data: events });
    return { keys: keys.length, usageRows: usage.length, events: events.length };
  } finally {
    await db.close();
  }
}
