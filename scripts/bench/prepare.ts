/**
 * Bench data: 100 accounts × 100 keys (10,000), inserted directly with createMany. The plaintext keys are
 * written to data/bench/keys.json for the load generator only (data/ is git-ignored).
 */
import fs from "node:fs";
import type { DatabaseConfig } from "@/core/db/config";
import { resetAndMigrate } from "@/core/db/reset";
import { generateKeyId, issueSecret } from "@/core/secrets/generate";
import { seedBenchTokens } from "./oauth-tokens";

export const BENCH_DIR = "data/bench";
export const KEYS_FILE = `${BENCH_DIR}/keys.json`;

/** Keys (10,000) and, for the Bearer pass, OAuth access tokens (1,000: 10 per account). */
export async function prepareBenchDatabase(config: DatabaseConfig, accounts = 100, perAccount = 100): Promise<{ keys: string[]; tokens: string[] }> {
  const db = await resetAndMigrate(config);
  try {
    const keys: string[] = [];
    for (let a = 0; a < accounts; a++) {
      const account = await db.prisma.account.create({ data: { name: `Bench account ${a}` } });
      const rows = [];
      for (let k = 0; k < perAccount; k++) {
        const keyId = generateKeyId();
        const issued = issueSecret(keyId);
        keys.push(issued.plaintextKey);
        rows.push({
          accountId: account.id,
          name: `Bench key ${a}-${k}`,
          keyId,
          secretHash: issued.secretHash,
          secretLast5: issued.secretLast5,
          scopes: ["subscribers"],
          permissions: [],
          allowedIps: k % 10 === 0 ? ["127.0.0.0/8", "::1"] : [],
        });
      }
      await db.prisma.apiKey.createMany({ data: rows });
    }
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.writeFileSync(KEYS_FILE, JSON.stringify(keys));
    return { keys, tokens: await seedBenchTokens(db.prisma) };
  } finally {
    await db.close();
  }
}
