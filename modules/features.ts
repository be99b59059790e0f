/** Every feature's manifest (see feature.ts). A new feature adds one line here and nothing else in the shell. */
import { accountsFeature } from "./accounts/nav";
import { apiKeysFeature } from "./api-keys/nav";
import { auditFeature } from "./audit/nav";
import { developerAccountsFeature } from "./developer-accounts/nav";
import { profileFeature } from "./profile/nav";
import { membersFeature } from "./members/nav";
import { staffFeature } from "./staff/nav";
import { subaccountsFeature } from "./subaccounts/nav";
import { oauthAppsFeature } from "./oauth-apps/nav";

export const FEATURES = [
  apiKeysFeature,
  auditFeature,
  subaccountsFeature,
  membersFeature,
  developerAccountsFeature,
  accountsFeature,
  profileFeature,
  staffFeature,
  oauthAppsFeature,
] as const;

type PolicyOf<F> = F extends { policy: Readonly<Record<infer Op, unknown>> } ? Op : never;
/** Every policy operation any feature declares. */
export type Operation = PolicyOf<(typeof FEATURES)[number]> & string;

export const NAV_ENTRIES = FEATURES.flatMap((f) => f.nav);

export const AUDIT_LABELS: Readonly<Record<string, string>> = Object.assign({}, ...FEATURES.map((f) => f.auditLabels));
