/** can() and POLICY against an access table written out in this file, plus unknown roles and operations. */
import { describe, expect, it } from "vitest";
import { OPERATIONS, POLICY, ROLE_LABELS, can, type Operation } from "@/lib/auth/policy";

type Role = keyof typeof POLICY;

// The expected access matrix, written out independently of POLICY.
const KNOWN = [
  "apiKeys.view", "apiKeys.manage", "audit.view", "subaccounts.view", "subaccounts.manage",
  "members.view", "members.manage", "members.transferOwnership", "apiUsers.view", "apiUsers.manage",
  "developerAccounts.view", "developerAccounts.request",
  "oauthApps.view", "oauthApps.manage", "authorizedApps.view", "authorizedApps.revoke",
] as const;
const ALL = (value: boolean) => Object.fromEntries(KNOWN.map((op) => [op, value])) as Record<Operation, boolean>;

const EXPECTED: Record<Role, Record<Operation, boolean>> = {
  owner: { ...ALL(true) },
  admin: { ...ALL(true), "members.transferOwnership": false, "apiUsers.manage": false },
  developer: { ...ALL(false), "apiKeys.view": true, "audit.view": true, "oauthApps.view": true, "authorizedApps.view": true },
  viewer: { ...ALL(false), "authorizedApps.view": true },
};

const ROLES = Object.keys(EXPECTED) as Role[];
const MATRIX = ROLES.flatMap((role) => OPERATIONS.map((op) => [role, op, EXPECTED[role][op]] as const));

describe("can()", () => {
  it("covers every role × operation pair", () => {
    expect(MATRIX).toHaveLength(4 * 16);
  });

  it.each(MATRIX)("%s → %s is %s", (role, operation, allowed) => {
    expect(can(role, operation)).toBe(allowed);
  });

  it("never grants anything to an unknown role", () => {
    for (const role of ["root", "superadmin", "", "__proto__", "constructor", "toString"]) {
      for (const operation of OPERATIONS) {
        let granted: unknown;
        try {
          granted = can(role as Role, operation);
        } catch {
          granted = false;
        }
        expect(granted, `${role} / ${operation}`).toBe(false);
      }
    }
  });

  it("never grants an unknown operation", () => {
    for (const role of ROLES) {
      for (const operation of ["apiKeys.delete", "*", "", "apiKeys"]) {
        expect(can(role, operation as Operation)).toBe(false);
      }
    }
  });
});

describe("POLICY table", () => {
  it("lists exactly the known operations", () => {
    expect([...OPERATIONS].sort()).toEqual([...KNOWN].sort());
  });

  it("has exactly the four roles, each with a label", () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS).toEqual({ owner: "Owner", admin: "Admin", developer: "Developer", viewer: "Viewer" });
  });

  it("grants exactly the hand-written table, so the checks below never loop over nothing", () => {
    const granted = Object.fromEntries(ROLES.map((role) => [role, [...POLICY[role]].sort()]));
    expect(granted).toEqual({
      owner: [
        "apiKeys.manage", "apiKeys.view", "apiUsers.manage", "apiUsers.view", "audit.view", "authorizedApps.revoke", "authorizedApps.view",
        "developerAccounts.request", "developerAccounts.view", "members.manage", "members.transferOwnership", "members.view",
        "oauthApps.manage", "oauthApps.view", "subaccounts.manage", "subaccounts.view",
      ],
      admin: [
        "apiKeys.manage", "apiKeys.view", "apiUsers.view", "audit.view", "authorizedApps.revoke", "authorizedApps.view",
        "developerAccounts.request", "developerAccounts.view", "members.manage", "members.view",
        "oauthApps.manage", "oauthApps.view", "subaccounts.manage", "subaccounts.view",
      ],
      developer: ["apiKeys.view", "audit.view", "authorizedApps.view", "oauthApps.view"],
      viewer: ["authorizedApps.view"],
    });
  });

  it("only grants known operations, without duplicates", () => {
    for (const role of ROLES) {
      const ops = POLICY[role];
      expect(new Set(ops).size).toBe(ops.length);
      for (const op of ops) expect(OPERATIONS).toContain(op);
    }
  });

  it("is monotonic: a role that can manage keys can also view them", () => {
    const managers = ROLES.filter((role) => can(role, "apiKeys.manage"));
    expect(managers).toEqual(["owner", "admin"]); // not vacuous: there are managers to check
    expect(managers.filter((role) => !can(role, "apiKeys.view"))).toEqual([]);
  });
});
