/**
 * API-key writes, each in one transaction with its audit event and change NOTIFY, every read and write scoped
 * by the actor's account; after the commit this instance's verification cache is refreshed.
 */
import "server-only";
import { getPrisma } from "@/core/registry";
import type { ActorContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, LimitError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/core/generated/prisma/client";
import { announceKeyChange, refreshLocalKeyCache } from "@/core/events";
import { generateKeyId, issueSecret } from "@/core/secrets/generate";
import type { ApiKeyInput } from "../schema";
import { ROTATION_GRACE, type RotationGrace } from "../catalog";
import type { ApiKeyDto, IssuedKey } from "../types";
import { apiKeySelect, toApiKeyDto } from "./queries";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

async function assertMailingInAccount(tx: Tx, ctx: ActorContext, mailingId: string | null) {
  if (!mailingId) return;
  const found = await tx.mailing.findFirst({ where: { id: mailingId, accountId: ctx.accountId }, select: { id: true } });
  if (!found) {
    throw new ValidationError("Please correct the highlighted fields.", { defaultMailingId: ["Unknown mailing"] });
  }
}

const nameTaken = (name?: string) =>
  new ValidationError("Please correct the highlighted fields.", {
    name: [`This account already has a key ${name ? `named “${name}”` : "with this name"}. Choose another name.`],
  });

/** Names are unique per account, ignoring case (enforced by a unique index too; see the migration). */
async function assertNameFree(tx: Tx, ctx: ActorContext, name: string, exceptId: string | null) {
  const [clash] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ApiKey" WHERE "accountId" = ${ctx.accountId} AND lower("name") = lower(${name}) AND "id" <> ${exceptId ?? ""} LIMIT 1`;
  if (clash) throw nameTaken(name);
}

export const WHITELABEL_NO_KEYS = "A whitelabel account cannot have API keys. Request a developer account and create its keys there.";

/** A suspended account's keys fail verification; nobody may issue or re-enable one until it is resumed. */
function assertActive(ctx: ActorContext) {
  if (ctx.accountStatus === "suspended") throw new ForbiddenError("This account is suspended: its keys cannot be issued or enabled until it is resumed.");
}

async function findOwnKey(tx: Tx, ctx: ActorContext, id: string) {
  const key = await tx.apiKey.findFirst({
    where: { id, accountId: ctx.accountId },
    select: { id: true, name: true, keyId: true, secretHash: true, enabled: true },
  });
  if (!key) throw new NotFoundError("API key");
  return key;
}

function fieldsOf(input: ApiKeyInput) {
  return {
    name: input.name,
    description: input.description,
    scopes: input.scopes,
    permissions: input.permissions,
    allowedIps: input.allowedIps,
    expiresAt: input.expiresOn,
    defaultMailingId: input.defaultMailingId,
  };
}

/**
 * Every key change: one transaction that writes the change, its audit event and the NOTIFY for other
 * instances; after the commit this instance's verification cache is refreshed so it never answers stale.
 */
async function changeKey<T>(ctx: ActorContext, run: (tx: Tx) => Promise<{ keyId: string; result: T }>): Promise<T> {
  assertCan(ctx, "apiKeys.manage");
  const prisma = await getPrisma();
  const { keyId, result } = await prisma.$transaction(run, TX_OPTIONS).catch((e: unknown) => {
    // Two saves racing for one name: the unique index decides; the loser gets the same field error.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && JSON.stringify(e.meta ?? {}).includes("name")) {
      throw nameTaken();
    }
    throw e;
  });
  await refreshLocalKeyCache(keyId);
  return result;
}

async function keyChanged(
  tx: Tx,
  ctx: ActorContext,
  action: string,
  key: { id: string; keyId: string; name: string },
  details: Record<string, Prisma.InputJsonValue> = {},
) {
  await announceKeyChange(tx, key.keyId);
  await recordAudit(tx, ctx, {
    action,
    targetType: "api_key",
    targetId: key.id,
    targetLabel: key.keyId,
    details: { name: key.name, ...details },
  });
}

/**
 * Issues a key inside the caller's transaction (the key page's create, or another feature's, e.g. a subaccount's
 * first key); the caller refreshes the local cache with the returned keyId after its commit.
 */
export async function insertApiKey(tx: Tx, ctx: ActorContext, input: ApiKeyInput): Promise<{ keyId: string; result: IssuedKey }> {
  assertCan(ctx, "apiKeys.manage");
  assertActive(ctx);
  // Lock the account row so concurrent creates queue here: count-then-insert then holds the limit on
  // PostgreSQL's READ COMMITTED as well as on PGlite.
  const [account] = await tx.$queryRaw<{ maxApiKeys: number; kind: string }[]>`
    SELECT "maxApiKeys", "kind"::text AS "kind" FROM "Account" WHERE "id" = ${ctx.accountId} FOR UPDATE`;
  if (!account) throw new NotFoundError("Account");
  // Read under the lock, not from the session: a replayed request from a whitelabel account is refused too.
  if (account.kind === "whitelabel") throw new ForbiddenError(WHITELABEL_NO_KEYS);
  const used = await tx.apiKey.count({ where: { accountId: ctx.accountId } });
  if (used >= account.maxApiKeys) {
    throw new LimitError(
      `This account already has ${used} of ${account.maxApiKeys} API keys. Delete a key before creating another.`,
    );
  }
  await assertMailingInAccount(tx, ctx, input.defaultMailingId);
  await assertNameFree(tx, ctx, input.name, null);

  const keyId = generateKeyId();
  const { plaintextKey, secretHash, secretLast5 } = issueSecret(keyId);
  const row = await tx.apiKey.create({
    data: { ...fieldsOf(input), accountId: ctx.accountId, keyId, secretHash, secretLast5, createdById: ctx.userId },
    select: apiKeySelect,
  });
  await keyChanged(tx, ctx, "api_key.created", row, { scopes: row.scopes });
  return { keyId, result: { key: toApiKeyDto(row), plaintextKey } };
}

export async function createApiKey(ctx: ActorContext, input: ApiKeyInput): Promise<IssuedKey> {
  return changeKey(ctx, (tx) => insertApiKey(tx, ctx, input));
}

export async function updateApiKey(ctx: ActorContext, id: string, input: ApiKeyInput): Promise<ApiKeyDto> {
  return changeKey(ctx, async (tx) => {
    const existing = await tx.apiKey.findFirst({
      where: { id, accountId: ctx.accountId },
      select: {
        name: true,
        description: true,
        scopes: true,
        permissions: true,
        allowedIps: true,
        expiresAt: true,
        defaultMailingId: true,
      },
    });
    if (!existing) throw new NotFoundError("API key");
    await assertMailingInAccount(tx, ctx, input.defaultMailingId);
    await assertNameFree(tx, ctx, input.name, id);
    const next = fieldsOf(input);
    const changed = Object.keys(next).filter(
      (k) => JSON.stringify(existing[k as keyof typeof existing]) !== JSON.stringify(next[k as keyof typeof next]),
    );
    // A new expiry date deserves its own "expires within 7 days" email.
    const notice = changed.includes("expiresAt") ? { expiryNoticeSentAt: null } : {};
    const row = await tx.apiKey.update({ where: { id, accountId: ctx.accountId }, data: { ...next, ...notice }, select: apiKeySelect });
    await keyChanged(tx, ctx, "api_key.updated", row, { changed });
    return { keyId: row.keyId, result: toApiKeyDto(row) };
  });
}

export async function rotateApiKey(ctx: ActorContext, id: string, grace: RotationGrace): Promise<IssuedKey> {
  assertActive(ctx);
  return changeKey(ctx, async (tx) => {
    const existing = await findOwnKey(tx, ctx, id);
    const graceMs = ROTATION_GRACE[grace].ms;
    const now = new Date();
    const { plaintextKey, secretHash, secretLast5 } = issueSecret(existing.keyId);
    const row = await tx.apiKey.update({
      where: { id, accountId: ctx.accountId },
      data: {
        secretHash,
        secretLast5,
        rotatedAt: now,
        // Only the secret being replaced is kept; an older one still in its grace period stops working now.
        previousSecretHash: graceMs > 0 ? existing.secretHash : null,
        previousSecretExpiresAt: graceMs > 0 ? new Date(now.getTime() + graceMs) : null,
      },
      select: apiKeySelect,
    });
    await keyChanged(tx, ctx, "api_key.rotated", row, { oldSecretValidFor: grace });
    return { keyId: row.keyId, result: { key: toApiKeyDto(row), plaintextKey } };
  });
}

export async function setApiKeyEnabled(ctx: ActorContext, id: string, enabled: boolean): Promise<ApiKeyDto> {
  if (enabled) assertActive(ctx);
  return changeKey(ctx, async (tx) => {
    await findOwnKey(tx, ctx, id);
    const row = await tx.apiKey.update({ where: { id, accountId: ctx.accountId }, data: { enabled }, select: apiKeySelect });
    await keyChanged(tx, ctx, enabled ? "api_key.enabled" : "api_key.disabled", row);
    return { keyId: row.keyId, result: toApiKeyDto(row) };
  });
}

export async function deleteApiKey(ctx: ActorContext, id: string, confirmName: string): Promise<{ keyId: string }> {
  return changeKey(ctx, async (tx) => {
    const existing = await findOwnKey(tx, ctx, id);
    if (confirmName.trim() !== existing.name) {
      throw new ValidationError("The name you typed does not match.", {
        confirmName: [`Type “${existing.name}” to confirm`],
      });
    }
    await tx.apiKey.delete({ where: { id, accountId: ctx.accountId } });
    await keyChanged(tx, ctx, "api_key.deleted", existing);
    return { keyId: existing.keyId, result: { keyId: existing.keyId } };
  });
}
export type { IssuedKey } from "../types";
