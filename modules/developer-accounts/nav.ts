/** Developer accounts (MailUp): the Integrations page, the public request form, audit labels and policy. */
import { defineFeature } from "@/modules/feature";

export const INTEGRATIONS_PATH = "/settings/account/integrations";
export const PUBLIC_REQUEST_PATH = "/developer-accounts/request";
export const CONFIRM_PATH = "/developer-accounts/confirm";

export const developerAccountsFeature = defineFeature({
  id: "developer-accounts",
  nav: [{ section: "Account settings", group: "Account", href: INTEGRATIONS_PATH, label: "Integrations" }],
  auditLabels: {
    "developer_request.created": "asked staff for a developer account:",
    "developer_account.created": "created the developer account",
  },
  policy: {
    "developerAccounts.view": ["owner", "admin"],
    "developerAccounts.request": ["owner", "admin"],
  },
});
