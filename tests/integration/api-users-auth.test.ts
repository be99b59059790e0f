/**
 * API users on the API (issue 10): HTTP Basic with the generated user name and password → whoami's principal;
 * disabled → 403 USER_DISABLED on the very next request (this instance) and after the bound (another instance);
 * a new password, a delete or a suspended account void the remembered credential at once; wrong password and
 * unknown user are the same 401 and count in the per-IP failure limit; the password rule's edge cases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_PROPAGATION_BOUND_MS } from "@/api-server/verify/change-follower";
import { getPrisma } from "@/core/registry";
import { createApiKey } from "@/modules/api-keys/data/mutations";
import { createApiUser, deleteApiUser, setApiUserEnabled, updateApiUser } from "@/modules/members/data/api-users";
import { apiUserCreateSchema } from "@/modules/members/schema";
import { createSubaccount, deleteSubaccount, setSubaccountSuspended } from "@/modules/subaccounts/data/mutations";
import { ValidationError } from "@/lib/errors";
import { createTestAccount, keyInput, type TestAccount } from "../support/fixtures";
import { basic, startTestApi, whoami, type TestApi } from "../support/api-server";

let a: TestApi;
let b: TestApi;
let acct: TestAccount;
const limits = { maxAuthFailures: 1_000_000, maxInFlight: 1_000, redisUrl: undefined };
const PASSWORD = "Ledger-42-horse";
beforeAll(async () => {
  a = await startTestApi({ limits });
  b = await startTestApi({ limits });
  acct = await createTestAccount("ApiUsers");
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const afterBound = () => new Promise((resolve) => setTimeout(resolve, CHANGE_PROPAGATION_BOUND_MS));
const newUser = (enabled = true) => createApiUser(acct.ctx.owner, { description: "Nightly sync", password: PASSWORD, enabled });

/** A new user, cached, with a check of its password started and argon2 running now (not yet answered). */
async function checkingNewUser() {
  const user = await newUser();
  const cache = a.instance.apiUsers;
  await cache.get(user.username);
  const before = cache.stats.passwordChecks;
  const checking = cache.check(user.username, PASSWORD);
  while (cache.stats.passwordChecks === before) await new Promise(setImmediate);
  return { user, cache, checking };
}

describe("authentication", () => {
  it("whoami answers the account and the API user; key is null", async () => {
    const user = await newUser();
    expect(user.username).toMatch(/^apiuser-[A-Za-z0-9]{8}@api\./);
    const res = await whoami(a.url, basic(PASSWORD, user.username));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ account: { id: acct.accountId, kind: "standard" }, limits: { production: true, emailsPerDay: null, apiKeys: 15 }, principal: { type: "api_user", username: user.username }, key: null });
  });

  it("a wrong password and an unknown user get the very same 401 as a bad key", async () => {
    const user = await newUser();
    const wrong = await whoami(a.url, basic("Ledger-42-horsf", user.username));
    const unknown = await whoami(a.url, basic(PASSWORD, "apiuser-Zz9Zz9Zz@api.example.com"));
    const badKey = await whoami(a.url, basic("dc_nope.nope"));
    expect([wrong.status, unknown.status, badKey.status]).toEqual([401, 401, 401]);
    expect(wrong.text).toBe(badKey.text);
    expect(unknown.text).toBe(badKey.text);
  });

  it("a verified credential is remembered as a keyed hash: the second request skips argon2", async () => {
    const user = await newUser();
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(200);
    const checks = a.instance.apiUsers.stats.passwordChecks;
    for (let i = 0; i < 5; i++) expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(200);
    expect(a.instance.apiUsers.stats.passwordChecks).toBe(checks);
    expect((await whoami(a.url, basic(`${PASSWORD}x`, user.username))).status).toBe(401); // a wrong one is never "remembered"
  });

  it("a change event that changed nothing, heard while the password is checked, keeps the remembered credential", async () => {
    const { user, cache, checking } = await checkingNewUser();
    await cache.refresh(user.username); // e.g. the creation event, or this instance's own echo, arriving late
    expect((await checking).code).toBe("VALID");
    const checks = cache.stats.passwordChecks;
    expect((await cache.check(user.username, PASSWORD)).code).toBe("VALID");
    expect(cache.stats.passwordChecks).toBe(checks);
  });

  it("a new password saved while the old one is checked: the old one is never remembered for the new hash", async () => {
    const { user, cache, checking } = await checkingNewUser();
    await updateApiUser(acct.ctx.owner, user.id, { description: "Nightly sync", password: "Another-77-zebra", enabled: true });
    await cache.refresh(user.username);
    await checking;
    expect((await cache.check(user.username, PASSWORD)).code).toBe("NOT_FOUND");
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(401);
    expect((await whoami(a.url, basic("Another-77-zebra", user.username))).status).toBe(200);
  });

  it("records last used time and IP", async () => {
    const user = await newUser();
    await whoami(a.url, basic(PASSWORD, user.username));
    const prisma = await getPrisma();
    await expect.poll(async () => (await prisma.apiUser.findUniqueOrThrow({ where: { id: user.id } })).lastUsedIp).toBe("127.0.0.1");
  });

  it("an API user may verify its account's keys (full API access)", async () => {
    const user = await newUser();
    const { plaintextKey } = await createApiKey(acct.ctx.owner, keyInput());
    const res = await fetch(`${a.url}/api/v1/keys/verify`, {
      method: "POST",
      headers: { authorization: basic(PASSWORD, user.username), "content-type": "application/json" },
      body: JSON.stringify({ key: plaintextKey }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ valid: true, accountId: acct.accountId });
  });
});

describe("changes apply on the very next request, no polling", () => {
  it("disable → 403 USER_DISABLED here at once and on the other instance after the bound; enable → 200", async () => {
    const user = await newUser();
    const auth = basic(PASSWORD, user.username);
    for (let round = 0; round < 5; round++) {
      expect((await whoami(a.url, auth)).status).toBe(200);
      expect((await whoami(b.url, auth)).status).toBe(200);
      await setApiUserEnabled(acct.ctx.owner, user.id, false);
      const here = await whoami(a.url, auth);
      expect(here.status).toBe(403);
      expect(here.body).toMatchObject({ code: "USER_DISABLED" });
      await afterBound();
      expect((await whoami(b.url, auth)).status).toBe(403);
      await setApiUserEnabled(acct.ctx.owner, user.id, true);
      expect((await whoami(a.url, auth)).status).toBe(200);
      await afterBound();
    }
  });

  it("a disabled user with a wrong password gets 401, not 403 (no hint that the name exists)", async () => {
    const user = await newUser(false);
    expect((await whoami(a.url, basic("Wrong-pass-1", user.username))).status).toBe(401);
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(403);
  });

  it("a new password: the old one stops at once, the new one works; delete → 401", async () => {
    const user = await newUser();
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(200);
    await updateApiUser(acct.ctx.owner, user.id, { description: "Rotated", password: "Second-pass-77", enabled: true });
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(401);
    expect((await whoami(a.url, basic("Second-pass-77", user.username))).status).toBe(200);
    await deleteApiUser(acct.ctx.owner, user.id);
    expect((await whoami(a.url, basic("Second-pass-77", user.username))).status).toBe(401);
  });

  it("a suspended subaccount's API user gets 403 ACCOUNT_SUSPENDED at once; deleted, 401 at once (SECURITY-TESTS #23)", async () => {
    const parent = await createTestAccount("ApiUsersParent");
    await getPrisma().then((p) => p.account.update({ where: { id: parent.accountId }, data: { maxSubaccounts: 5 } }));
    const sub = await createSubaccount(parent.ctx.owner, { name: `Sub ${Date.now()}`, firstKey: null });
    const subCtx = { ...parent.ctx.owner, accountId: sub.id }; // as the subaccount's own owner
    const user = await createApiUser(subCtx, { description: "Sub sync", password: PASSWORD, enabled: true });
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(200);
    await setSubaccountSuspended(parent.ctx.owner, sub.id, true);
    const res = await whoami(a.url, basic(PASSWORD, user.username));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "ACCOUNT_SUSPENDED" });
    await setSubaccountSuspended(parent.ctx.owner, sub.id, false);
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(200);
    await deleteSubaccount(parent.ctx.owner, sub.id, sub.name);
    expect((await whoami(a.url, basic(PASSWORD, user.username))).status).toBe(401);
  });
});

describe("limits and rules", () => {
  it("failed API-user logins count in the per-IP failure limit", async () => {
    const strict = await startTestApi({ limits: { maxAuthFailures: 3, maxInFlight: 100, redisUrl: undefined } });
    try {
      const user = await newUser();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await whoami(strict.url, basic(`Wrong-${i}-pass`, user.username))).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it.each([
    ["short1!", false],
    ["abcdefgh", false],
    ["abcdefg1", true],
    ["abcdefg!", true],
    ["        ", false],
  ])("password %j passes the rule: %s", (password, ok) => {
    expect(apiUserCreateSchema.safeParse({ description: "x", password, enabled: true }).success).toBe(ok);
  });

  it("a common password is refused with a field error and nothing is created", async () => {
    const prisma = await getPrisma();
    const before = await prisma.apiUser.count({ where: { accountId: acct.accountId } });
    const error = await createApiUser(acct.ctx.owner, { description: "x", password: "password1", enabled: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors?.password?.[0]).toMatch(/common/i);
    expect(await prisma.apiUser.count({ where: { accountId: acct.accountId } })).toBe(before);
  });
});
