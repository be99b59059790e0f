/** Subaccounts (Mailjet): an account's own accounts, one level deep, within its plan's limit. */
import { defineFeature } from "@/modules/feature";

export const SUBACCOUNTS_PATH = "/settings/account/subaccounts";

export const subaccountsFeature = defineFeature({
  id: "subaccounts",
  nav: [{ section: "Account settings", group: "Account", href: SUBACCOUNTS_PATH, label: "Subaccounts" }],
  auditLabels: {
    "subaccount.created": "created subaccount",
    "subaccount.renamed": "renamed subaccount",
    "subaccount.suspended": "suspended subaccount",
    "subaccount.resumed": "resumed subaccount",
    "subaccount.deleted": "deleted subaccount",
    "request.created": "asked staff for",
    "request.approved": "approved the request for",
    "request.declined": "declined the request for",
  },
  policy: {
    "subaccounts.view": ["owner", "admin"],
    "subaccounts.manage": ["owner", "admin"],
  },
});
