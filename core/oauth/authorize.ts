/**
 * The consent screen's write: the user allowed `client` into `accountId` with `scopes`. Records (or renews) the
 * authorization and issues a single-use, 60-second authorization code bound to the redirect URI and the PKCE
 * challenge. Only the code's hash is stored; the plaintext goes once into the redirect.
 */
import type { PrismaClient } from "@/core/generated/prisma/client";
import { recordOAuthAudit } from "./audit";
import { CODE_TTL_S, issueCode } from "./tokens";

export type CodeRequest = {
  clientDbId: string;
  appName: string;
  accountId: string;
  userId: string;
  userEmail: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string | null;
  ip: string | null;
};

export async function createAuthorizationCode(prisma: PrismaClient, input: CodeRequest): Promise<string> {
  const code = issueCode();
  await prisma.$transaction(async (tx) => {
    const authorization = await tx.oAuthAuthorization.upsert({
      where: { clientId_accountId: { clientId: input.clientDbId, accountId: input.accountId } },
      create: { clientId: input.clientDbId, accountId: input.accountId, userId: input.userId, scopes: input.scopes },
      update: { userId: input.userId, scopes: input.scopes, revokedAt: null },
      select: { id: true },
    });
    await tx.oAuthAuthorizationCode.create({
      data: {
        codeHash: code.hash,
        clientId: input.clientDbId,
        authorizationId: authorization.id,
        userId: input.userId,
        redirectUri: input.redirectUri,
        scopes: input.scopes,
        codeChallenge: input.codeChallenge,
        codeChallengeMethod: input.codeChallenge ? "S256" : null,
        expiresAt: new Date(Date.now() + CODE_TTL_S * 1000),
      },
    });
    await recordOAuthAudit(tx, {
      accountId: input.accountId,
      actorId: input.userId,
      actorEmail: input.userEmail,
      action: "oauth.authorized",
      clientDbId: input.clientDbId,
      appName: input.appName,
      ip: input.ip,
      details: { scopes: input.scopes },
    });
  });
  return code.plaintext;
}
