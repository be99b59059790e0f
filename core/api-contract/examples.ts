/**
 * Example requests and answers for each endpoint: published in the OpenAPI document (`examples`) and shown on
 * the dashboard's API reference page. Every id below is made up.
 */
import type { Problem, VerifyResponse, WhoamiResponse } from "./schemas";

const PROBLEMS = "https://developers-corner.dev/problems/";

export const EXAMPLE_KEY_ID = "dc_3kTMd9PqZ2xW8vLb";
const ACME = { id: "cmacme00000000000000000001", number: "m1001", name: "Acme Ltd." };

export const whoamiExample: WhoamiResponse = {
  account: { id: "cmacme00000000000000000001", number: "m1001", name: "Acme Ltd.", kind: "standard", status: "active", parent: null },
  limits: { production: true, emailsPerDay: null, apiKeys: 15 },
  principal: { type: "api_key", keyId: EXAMPLE_KEY_ID },
  key: { keyId: EXAMPLE_KEY_ID, name: "Website signup form", scopes: ["subscribers"], permissions: [], expiresAt: null },
};

/** The same call with an OAuth app's Bearer access token. */
export const whoamiOAuthExample: WhoamiResponse = {
  account: whoamiExample.account,
  limits: whoamiExample.limits,
  principal: { type: "oauth", clientId: "dca_8JkQ2mZr4TnWc7XyPb3L", app: "Shop sync", scopes: ["subscribers", "campaigns"], expiresAt: "2026-11-27T12:00:00.000Z" },
  key: null,
};

export const verifyRequestExamples = {
  scopes: {
    summary: "A key presented to your service, which needs the subscribers scope",
    value: { key: "dc_7fQ2…the key your client sent", requiredScopes: ["subscribers"], ip: "203.0.113.7" },
  },
  smtp: {
    summary: "An SMTP login: user name = the key id, password = the key",
    value: { username: EXAMPLE_KEY_ID, key: `${EXAMPLE_KEY_ID}.…the password`, requiredScopes: ["smtp"], ip: "198.51.100.20" },
  },
};

export const verifyResponseExamples: Record<string, { summary: string; value: VerifyResponse }> = {
  valid: {
    summary: "The key is valid and has the scopes",
    value: { valid: true, code: "VALID", accountId: "cmacme00000000000000000001", account: ACME, keyId: EXAMPLE_KEY_ID, scopes: ["subscribers", "smtp"], permissions: [], expiresAt: null },
  },
  insufficientScope: {
    summary: "The key lacks a required scope",
    value: { valid: false, code: "INSUFFICIENT_SCOPE", accountId: "cmacme00000000000000000001", account: ACME, keyId: EXAMPLE_KEY_ID, scopes: ["statistics"], permissions: [], expiresAt: null, missingScopes: ["smtp"] },
  },
  notFound: {
    summary: "Unknown key, wrong secret, or a key of another account",
    value: { valid: false, code: "NOT_FOUND", accountId: null, account: null, keyId: null, scopes: [], permissions: [], expiresAt: null },
  },
};

export const problemExamples: Record<string, Problem> = {
  "400": { type: `${PROBLEMS}malformed-authorization`, title: "Bad Request", status: 400, detail: "The Authorization header is malformed." },
  "401": { type: `${PROBLEMS}unauthorized`, title: "Unauthorized", status: 401, detail: "A valid API key is required." },
  "403": { type: `${PROBLEMS}key-disabled`, title: "Forbidden", status: 403, detail: "This API key is disabled.", code: "DISABLED" },
  "429": { type: `${PROBLEMS}too-many-failures`, title: "Too Many Requests", status: 429, detail: "Too many failed authentications. Try again later." },
};
