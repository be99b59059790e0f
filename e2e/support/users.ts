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
  /** Profile Co's owner, also a viewer in Leave Co: turns key emails off and leaves Leave Co from the profile. */
  profile: "profile@example.com",
  /** Findable Co: keys to search, filter and sort; one due for rotation; smtp keys. */
  findable: "findable@example.com",
  /** Phone Co: the key lifecycle at 390 px. */
  phone: "phone@example.com",
  /** Forms Co: counters, IP commas, a stale tab, what an edit changed. */
  forms: "forms@example.com",
  /** OAuth Dev Co registers an app; OAuth Customer Co authorizes it on the consent screen. */
  oauthDev: "oauth-dev@example.com",
  oauthCustomer: "oauth-customer@example.com",
} as const;

/** Findable Co's "CRM sync" description: long enough to be cut in a one-line row. */
export const FINDABLE_LONG_DESCRIPTION =
  "Nightly import of contacts from the CRM into subscribers, including the custom fields the sales team maintains by hand";
