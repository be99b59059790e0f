/**
 * Client authentication (RFC 6749 §2.3.1): client_secret_basic (form-urlencoded id and secret in HTTP Basic) or
 * client_secret_post (client_id and client_secret in the body), never both. The secret is compared as an HMAC in
 * constant time; the previous secret works until its grace time after a reset. One answer for every failure.
 */
import type { IncomingMessage } from "node:http";
import type { PrismaClient } from "@/core/generated/prisma/client";
import { equalBytes, hashSecretBytes } from "@/core/secrets/hash";
import type { KeyObject } from "node:crypto";
import { OAuthError } from "./errors";

export type AuthenticatedClient = {
  id: string;
  clientId: string;
  accountId: string;
  name: string;
  grantTypes: string[];
  redirectUris: string[];
  allowPasswordGrant: boolean;
};

const ZERO = Buffer.alloc(32);

function basicCredentials(header: string | undefined): { id: string; secret: string } | null | "malformed" {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")) };
  } catch {
    return "malformed";
  }
}

export async function authenticateClient(
  req: IncomingMessage,
  form: Record<string, string>,
  prisma: PrismaClient,
  pepper: KeyObject,
  nowMs: number,
): Promise<AuthenticatedClient> {
  const basic = basicCredentials(req.headers.authorization);
  const fromBody = form.client_secret !== undefined;
  if (basic === "malformed") throw new OAuthError("invalid_client", "Client authentication failed.", true);
  if (basic && fromBody) throw new OAuthError("invalid_request", "Use one client authentication method.");
  const id = basic ? basic.id : form.client_id;
  const secret = basic ? basic.secret : form.client_secret;
  if (basic && form.client_id !== undefined && form.client_id !== basic.id) throw new OAuthError("invalid_request", "client_id does not match.");
  if (!id || secret === undefined) throw new OAuthError("invalid_client", "Client authentication failed.", Boolean(basic));
  const client = await prisma.oAuthClient.findUnique({
    where: { clientId: id.slice(0, 64) },
    select: {
      id: true, clientId: true, accountId: true, name: true, grantTypes: true, redirectUris: true, allowPasswordGrant: true,
      secretHash: true, previousSecretHash: true, previousSecretExpiresAt: true, account: { select: { status: true, deletedAt: true } },
    },
  });
  const digest = hashSecretBytes(secret, pepper);
  const current = client ? Buffer.from(client.secretHash, "hex") : ZERO;
  let ok = equalBytes(digest, current) && client !== null;
  if (!ok && client?.previousSecretHash && client.previousSecretExpiresAt && client.previousSecretExpiresAt.getTime() > nowMs) {
    ok = equalBytes(digest, Buffer.from(client.previousSecretHash, "hex"));
  }
  if (!ok || !client || client.account.deletedAt) throw new OAuthError("invalid_client", "Client authentication failed.", Boolean(basic));
  if (client.account.status === "suspended") throw new OAuthError("unauthorized_client", "The app's account is suspended.");
  return {
    id: client.id,
    clientId: client.clientId,
    accountId: client.accountId,
    name: client.name,
    grantTypes: client.grantTypes,
    redirectUris: client.redirectUris,
    allowPasswordGrant: client.allowPasswordGrant,
  };
}

export function assertGrantAllowed(client: AuthenticatedClient, grant: string): void {
  const allowed = client.grantTypes.includes(grant) && (grant !== "password" || client.allowPasswordGrant);
  if (!allowed) throw new OAuthError("unauthorized_client", `This app may not use the ${grant} grant.`);
}
