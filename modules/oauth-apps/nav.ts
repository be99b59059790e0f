/** The OAuth-apps feature for the shell: Apps (register apps), Authorized apps (every account), audit labels, policy. */
import { defineFeature } from "@/modules/feature";

export const APPS_PATH = "/settings/developers/apps";
export const AUTHORIZED_APPS_PATH = "/settings/account/authorized-apps";
export const INTEGRATIONS_PATH = "/integrations";

export const oauthAppsFeature = defineFeature({
  id: "oauth-apps",
  nav: [
    { section: "Advanced settings", group: "Developer's corner", href: APPS_PATH, label: "Apps" },
    { section: "Account settings", group: "Account", href: AUTHORIZED_APPS_PATH, label: "Authorized apps" },
  ],
  auditLabels: {
    "oauth_app.created": "registered OAuth app",
    "oauth_app.updated": "edited OAuth app",
    "oauth_app.secret_reset": "reset the client secret of OAuth app",
    "oauth_app.deleted": "deleted OAuth app",
    "oauth_app.submitted": "submitted to the integrations catalog OAuth app",
    "oauth_app.withdrawn": "withdrew from the integrations catalog OAuth app",
    "oauth_app.unlisted": "unlisted from the integrations catalog OAuth app",
    "oauth.authorized": "authorized OAuth app",
    "oauth.token_issued": "issued the first token to OAuth app",
    "oauth.revoked": "revoked access of OAuth app",
    "oauth.reuse_detected": "detected token reuse by OAuth app",
  },
  policy: {
    "oauthApps.view": ["owner", "admin", "developer"],
    "oauthApps.manage": ["owner", "admin"],
    "authorizedApps.view": ["owner", "admin", "developer", "viewer"],
    "authorizedApps.revoke": ["owner", "admin"],
  },
});
