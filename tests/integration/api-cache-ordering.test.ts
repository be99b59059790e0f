/**
 * The key cache never answers from a state older than one it has already seen (SECURITY-TESTS #18): a full
 * reload that read a key before it was disabled or deleted, or a one-key read that started before a newer one,
 * must not bring the old state back. The reads are held open with a gated SQL runner so the interleaving is
 * certain, on PGlite and PostgreSQL alike.
 */
import { afterEach, describe, expect, it } from "vitest";
import { KeyCache } from "@/api-server/verify/key-cache";
import { getChangeSink, getDatabase, getPrisma, setChangeSink } from "@/core/registry";
import { createApiKey, deleteApiKey, setApiKeyEnabled } from "@/modules/api-keys/data/mutations";
import { createTestAccount, keyInput } from "../support/fixtures";
import { gatedSql } from "../support/gated-sql";

const RELOAD_PAGE = /ORDER BY k\."keyId" LIMIT/;
const ONE_KEY = /WHERE k\."keyId" = \$1/;

async function cacheUnderTest() {
  const sql = gatedSql((await getDatabase()).sql);
  const cache = new KeyCache(sql);
  await cache.loadAll();
  const previous = getChangeSink();
  setChangeSink(cache); // the mutations' write-through goes to this cache, as to a server's own
  restore = () => setChangeSink(previous ?? null);
  return { sql, cache };
}
let restore = () => {};
afterEach(() => restore());

describe("a full reload racing a change", () => {
  it("a key disabled while the reload runs stays disabled after the reload is merged", async () => {
    const acct = await createTestAccount("Reload");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    const { sql, cache } = await cacheUnderTest();
    expect(cache.peek(key.keyId)?.enabled).toBe(true);

    const gate = sql.holdNext(RELOAD_PAGE);
    const reload = cache.loadAll();
    await gate.held; // the reload has read the key as enabled
    await setApiKeyEnabled(acct.ctx.owner, key.id, false);
    expect(cache.peek(key.keyId)?.enabled).toBe(false);
    gate.release();
    await reload;
    expect(cache.peek(key.keyId)?.enabled).toBe(false);
    expect(cache.stats.staleReadsDropped).toBeGreaterThan(0);
  });

  it("a key deleted while the reload runs stays deleted (tombstone) until a later reload", async () => {
    const acct = await createTestAccount("Reload");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    const { sql, cache } = await cacheUnderTest();

    const gate = sql.holdNext(RELOAD_PAGE);
    const reload = cache.loadAll();
    await gate.held;
    await deleteApiKey(acct.ctx.owner, key.id, key.name);
    expect(cache.peek(key.keyId)).toBeNull();
    gate.release();
    await reload;
    expect(cache.peek(key.keyId)).toBeNull();
    await cache.loadAll(); // a reload that started after the delete clears the tombstone
    expect(cache.peek(key.keyId)).toBeUndefined();
  });

  it("a key created while the reload runs is kept, though the reload's pages never saw it", async () => {
    const acct = await createTestAccount("Reload");
    const { sql, cache } = await cacheUnderTest();
    const gate = sql.holdNext(RELOAD_PAGE);
    const reload = cache.loadAll();
    await gate.held;
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    gate.release();
    await reload;
    expect(cache.peek(key.keyId)?.keyId).toBe(key.keyId);
  });
});

describe("one-key reads resolved out of order", () => {
  it("the read that started first cannot overwrite the one that started after a newer change", async () => {
    const acct = await createTestAccount("Order");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    const { sql, cache } = await cacheUnderTest();
    const prisma = await getPrisma();

    const first = sql.holdNext(ONE_KEY);
    const older = cache.refresh(key.keyId); // reads "enabled", held
    await first.held;
    await prisma.apiKey.update({ where: { id: key.id }, data: { enabled: false } }); // committed, no event yet
    await cache.refresh(key.keyId); // the change's event: reads "disabled", applied
    expect(cache.peek(key.keyId)?.enabled).toBe(false);
    first.release();
    await older;
    expect(cache.peek(key.keyId)?.enabled).toBe(false);
  });

  it("a background look-up that started before a delete's event does not resurrect the key", async () => {
    const acct = await createTestAccount("Order");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    const sql = gatedSql((await getDatabase()).sql);
    const cache = new KeyCache(sql); // empty: the key is unknown to it
    const gate = sql.holdNext(ONE_KEY);
    const lookup = cache.get(key.keyId); // reads the row, held
    await gate.held;
    await (await getPrisma()).apiKey.delete({ where: { id: key.id } });
    await cache.refresh(key.keyId);
    gate.release();
    await lookup;
    expect(cache.peek(key.keyId)).toBeNull();
  });
});

describe("an awaited look-up overtaken by a change event", () => {
  it("answers the key once the change's read lands, never 'unknown' for a key that exists", async () => {
    const acct = await createTestAccount("Overtaken");
    const sql = gatedSql((await getDatabase()).sql);
    const cache = new KeyCache(sql);
    await cache.loadAll();
    const { key } = await createApiKey(acct.ctx.owner, keyInput()); // created after the load: unknown to this cache

    const first = sql.holdNext(ONE_KEY);
    const got = cache.get(key.keyId);
    await first.held; // the look-up has read the key…
    const second = sql.holdNext(ONE_KEY);
    const refreshed = cache.refresh(key.keyId); // …when the key's change event arrives, whose read is held too
    await second.held;
    first.release(); // the look-up is now older than the event: its result is dropped
    expect(await got).toMatchObject({ keyId: key.keyId, enabled: true });
    second.release();
    await refreshed;
    expect(cache.peek(key.keyId)?.keyId).toBe(key.keyId);
  });
});

describe("the embedded database's one session", () => {
  it("a cache read never sees the rows of an open transaction: a rolled-back key never appears", async () => {
    const acct = await createTestAccount("Rollback");
    const { cache } = await cacheUnderTest();
    const prisma = await getPrisma();
    const keyId = "dc_RolledBack0000001";
    let reads: Promise<unknown>[] = [];
    await prisma
      .$transaction(async (tx) => {
        await tx.apiKey.create({
          data: { accountId: acct.accountId, name: "16th", keyId, secretHash: "0".repeat(64), secretLast5: "00000", scopes: ["subscribers"], permissions: [], allowedIps: [] },
        });
        // Issued while the transaction is open (not awaited inside it: on PGlite they queue behind it).
        reads = [cache.loadAll(), cache.get(keyId), cache.refresh(keyId)];
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("limit reached: roll back");
      })
      .catch((e: Error) => expect(e.message).toBe("limit reached: roll back"));
    await Promise.all(reads);
    expect(cache.peek(keyId) ?? null).toBeNull();
    expect(await prisma.apiKey.count({ where: { keyId } })).toBe(0);
  });
});

describe("a failed re-read after a change", () => {
  it("fails closed: the key is refused until a later read succeeds, never answered in its old state", async () => {
    const acct = await createTestAccount("FailClosed");
    const { key } = await createApiKey(acct.ctx.owner, keyInput());
    const inner = (await getDatabase()).sql;
    let failNext = false;
    const sql = {
      exec: inner.exec,
      async query<T>(text: string, params?: unknown[]) {
        if (failNext && ONE_KEY.test(text)) {
          failNext = false;
          throw new Error("connection reset");
        }
        return inner.query<T>(text, params);
      },
    };
    const cache = new KeyCache(sql);
    await cache.loadAll();
    const previous = getChangeSink();
    setChangeSink(cache);
    restore = () => setChangeSink(previous ?? null);

    failNext = true;
    await setApiKeyEnabled(acct.ctx.owner, key.id, false); // the action still succeeds: the change is committed
    expect(cache.peek(key.keyId)).toBeNull(); // refused (as if deleted), not "enabled"
    await cache.refresh(key.keyId); // the next read succeeds
    expect(cache.peek(key.keyId)?.enabled).toBe(false);
  });
});
