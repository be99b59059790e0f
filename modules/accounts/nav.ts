/** Accounts (the active account and the switcher): any member may switch into an account they belong to. */
import { defineFeature } from "@/modules/feature";

export const accountsFeature = defineFeature({
  id: "accounts",
  nav: [],
  auditLabels: { "account.switched": "switched into the account" },
  policy: {},
});
