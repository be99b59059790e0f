/**
 * Keeps the caches (keys, OAuth access tokens) in step with changes made anywhere: LISTEN on the channel the mutations NOTIFY in their
 * transactions (core/events.ts). On PostgreSQL a dropped listener reconnects and reloads everything,
 * since it may have missed events; a periodic full reload (BACKSTOP_MS) covers anything else.
 */
import pg from "pg";
import type { Database } from "@/core/db/client";
import { ACCOUNT_CHANGED_CHANNEL, API_USER_CHANGED_CHANNEL, KEY_CHANGED_CHANNEL, OAUTH_CHANGED_CHANNEL } from "@/core/events";
import type { TokenCache } from "../oauth/token-cache";
import type { ApiUserCache } from "./api-user-cache";
import type { KeyCache } from "./key-cache";

const BACKSTOP_MS = Number(process.env.KEY_CACHE_RELOAD_MS ?? 5 * 60_000);

/**
 * The documented bound (README › Verification API): a change committed on one instance is answered by every
 * other instance on its first request after this long. In practice NOTIFY arrives in a few milliseconds; the
 * tests assert the first request after exactly this delay.
 */
export const CHANGE_PROPAGATION_BOUND_MS = 500;

export async function followKeyChanges(
  db: Database,
  cache: KeyCache,
  { apiUsers, tokens }: { apiUsers?: ApiUserCache; tokens?: TokenCache } = {},
): Promise<() => Promise<void>> {
  const onChange = (keyId: string) => {
    void cache.refresh(keyId).catch((e: Error) => console.error(`[keys] refresh failed: ${e.message}`));
  };
  const onOAuthChange = (change: string) => tokens?.invalidate(change);
  const onAccountChange = (accountId: string) => {
    tokens?.invalidateAccount(accountId);
    void cache.refreshAccount(accountId).catch((e: Error) => console.error(`[keys] account refresh failed: ${e.message}`));
    void apiUsers?.refreshAccount(accountId).catch((e: Error) => console.error(`[api-users] account refresh failed: ${e.message}`));
  };
  const onApiUserChange = (username: string) => {
    void apiUsers?.refresh(username).catch((e: Error) => console.error(`[api-users] refresh failed: ${e.message}`));
  };
  const backstop = setInterval(() => void cache.loadAll().catch(() => {}), BACKSTOP_MS);
  backstop.unref();

  if (db.pglite) {
    const unlisten = [
      await db.pglite.listen(KEY_CHANGED_CHANNEL, onChange),
      await db.pglite.listen(ACCOUNT_CHANGED_CHANNEL, onAccountChange),
      await db.pglite.listen(API_USER_CHANGED_CHANNEL, onApiUserChange),
      await db.pglite.listen(OAUTH_CHANGED_CHANNEL, onOAuthChange),
    ];
    return async () => {
      clearInterval(backstop);
      for (const stop of unlisten) await stop().catch(() => {});
    };
  }

  const url = db.config.kind === "postgres" ? db.config.url : "";
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (msg) => {
      if (!msg.payload) return;
      if (msg.channel === ACCOUNT_CHANGED_CHANNEL) onAccountChange(msg.payload);
      else if (msg.channel === API_USER_CHANGED_CHANNEL) onApiUserChange(msg.payload);
      else if (msg.channel === OAUTH_CHANGED_CHANNEL) onOAuthChange(msg.payload);
      else onChange(msg.payload);
    });
    c.on("error", () => {
      if (stopped) return;
      client = null;
      apiUsers?.clear(); // events may be missed until the listener is back
      setTimeout(() => void connect().then(() => cache.loadAll()).catch(() => {}), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${KEY_CHANGED_CHANNEL}; LISTEN ${ACCOUNT_CHANGED_CHANNEL}; LISTEN ${API_USER_CHANGED_CHANNEL}; LISTEN ${OAUTH_CHANGED_CHANNEL}`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    clearInterval(backstop);
    await client?.end().catch(() => {});
  };
}
