/** Sign-ins of the accounts owned by single specs, so no spec depends on another's data. */
export const E2E_USERS = {
  limits: "limits@example.com",
  lifecycle: "lifecycle@example.com",
  throttle: "throttle@example.com",
  api: "api@example.com",
  /** Admin in Switch Alpha (joined first), developer in Switch Beta. */
  switcher: "switcher@example.com",
  alphaOwner: "alpha-owner@example.com",
  /** Sessions Co: sign-out, sign out everywhere, password change. */
  sessions: "sessions@example.com",
  password: "password-change@example.com",
  /** Revoke Co: the dashboard-driven revocation rounds. */
  revocation: "revocation@example.com",
  /** Tree Co: a subaccount's whole life. */
  tree: "tree@example.com",
  /** Limit Parent Co: already at its 3 subaccounts. */
  limitParent: "limit-parent@example.com",
  /** Team Co: invitations, roles, API users. */
  team: "team@example.com",
  /** Has a user (and an account of their own) before Team Co invites them. */
  teamExisting: "team-existing@example.com",
  /** OAuth Dev Co registers an app; OAuth Customer Co authorizes it on the consent screen. */
  oauthDev: "oauth-dev@example.com",
  oauthCustomer: "oauth-customer@example.com",
} as const;
