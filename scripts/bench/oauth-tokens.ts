/**
 * Bench data for the Bearer pass: one OAuth app per account, one authorization and TOKENS_PER_ACCOUNT access
 * tokens (valid for a day), inserted directly. The plaintext tokens go to data/bench/tokens.json for the load
 * generator only (data/ is git-ignored).
 */
import fs from "node:fs";
import type { PrismaClient } from "@/core/generated/prisma/client";
import { generateClientId, issueAccessToken, issueClientSecret } from "@/core/oauth/tokens";

export const TOKENS_FILE = "data/bench/tokens.json";
const TOKENS_PER_ACCOUNT = 10;

export async function seedBenchTokens(prisma: PrismaClient): Promise<string[]> {
  const accounts = await prisma.account.findMany({ select: { id: true } });
  const tokens: string[] = [];
  const expiresAt = new Date(Date.now() + 86_400_000);
  for (const [i, account] of accounts.entries()) {
    const secret = issueClientSecret();
    const client = await prisma.oAuthClient.create({
      data: { accountId: account.id, clientId: generateClientId(), name: `Bench app ${i}`, developerName: "bench", redirectUris: [], grantTypes: ["client_credentials"], secretHash: secret.hash, secretLast5: secret.last5 },
    });
    const authorization = await prisma.oAuthAuthorization.create({ data: { clientId: client.id, accountId: account.id, scopes: ["subscribers"] } });
    const rows = Array.from({ length: TOKENS_PER_ACCOUNT }, () => {
      const token = issueAccessToken();
      tokens.push(token.plaintext);
      return { tokenHash: token.hash, clientId: client.id, authorizationId: authorization.id, accountId: account.id, scopes: ["subscribers"], expiresAt };
    });
    await prisma.oAuthAccessToken.createMany({ data: rows });
  }
  fs.writeFileSync(TOKENS_FILE, JSON.stringify(tokens));
  return tokens;
}
