/** The API-keys feature for the shell: its pages, audit labels and policy operations. */
import { defineFeature } from "@/modules/feature";

export const KEYS_PATH = "/settings/developers/api-keys";
export const API_REFERENCE_PATH = "/settings/developers/api-reference";

export const apiKeysFeature = defineFeature({
  id: "api-keys",
  nav: [
    { section: "Advanced settings", group: "Developer's corner", href: KEYS_PATH, label: "API keys" },
    { section: "Advanced settings", group: "Developer's corner", href: API_REFERENCE_PATH, label: "API reference" },
  ],
  auditLabels: {
    "api_key.created": "created API key",
    "api_key.updated": "edited API key",
    "api_key.rotated": "changed the secret of API key",
    "api_key.enabled": "enabled API key",
    "api_key.disabled": "disabled API key",
    "api_key.deleted": "deleted API key",
    "account.rotation_days_changed": "changed the key rotation reminder of",
  },
  policy: {
    "apiKeys.view": ["owner", "admin", "developer"],
    "apiKeys.manage": ["owner", "admin"],
  },
});
