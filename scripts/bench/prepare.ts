/**
 * Bench data: 100 accounts × 100 keys (10,000), inserted directly with createMany, and one API user per account
 * (argon2id like real ones). The plaintext keys are written to data/bench/keys.json for the load generator only
 * (data/ is git-ignored); the API users' credentials are only returned.
 */
import fs from "node:fs";
import type { DatabaseConfig } from "@/core/db/config";
import { resetAndMigrate } from "@/core/db/reset";
import { generateKeyId, issueSecret, randomBase62 } from "@/core/secrets/generate";
import { hashPassword } from "@/core/secrets/password";
import { seedBenchTokens } from "./oauth-tokens";

export const BENCH_DIR = "data/bench";
export const KEYS_FILE = `${BENCH_DIR}/keys.json`;

/** Keys (10,000), one API user per account, and for the Bearer pass OAuth access tokens (1,000: 10 per account). */
export type BenchData = { keys: string[]; apiUsers: { username: string; password: string }[]; tokens: string[] };

export async function prepareBenchDatabase(config: DatabaseConfig, accounts = 100, perAccount = 100): Promise<BenchData> {
  const db = await resetAndMigrate(config);
  try {
    const keys: string[] = [];
    const apiUsers: BenchData["apiUsers"] = [];
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
      const user = { username: `apiuser-${randomBase62(8)}@api.bench.local`, password: `bench-${randomBase62(12)}-1` };
      await db.prisma.apiUser.create({ data: { accountId: account.id, username: user.username, description: "Bench", passwordHash: await hashPassword(user.password) } });
      apiUsers.push(user);
    }
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.writeFileSync(KEYS_FILE, JSON.stringify(keys));
    return { keys, apiUsers, tokens: await seedBenchTokens(db.prisma) };
  } finally {
    await db.close();
  }
}
