/** The API's request and response shapes: the API server parses with these and openapi.ts publishes them. */
import { z } from "zod";

export const VERIFY_CODES = ["VALID", "NOT_FOUND", "DISABLED", "EXPIRED", "ACCOUNT_SUSPENDED", "IP_NOT_ALLOWED", "INSUFFICIENT_SCOPE", "RATE_LIMITED"] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

const accountRefSchema = z.object({
  id: z.string(),
  number: z.string().describe('Public account number, e.g. "m1001"'),
  name: z.string(),
});

export const accountSchema = accountRefSchema.extend({
  kind: z.enum(["standard", "developer", "whitelabel"]),
  status: z.enum(["active", "suspended"]),
  parent: accountRefSchema.nullable().describe("The parent account of a subaccount; null for a top-level account"),
});

export const keyInfoSchema = z.object({
  keyId: z.string().describe("Public key id: the part of the key before the dot"),
  name: z.string(),
  scopes: z.array(z.string()),
  permissions: z.array(z.string()),
  expiresAt: z.iso.datetime().nullable(),
});

export const limitsSchema = z
  .object({
    production: z.boolean().describe("false for developer accounts: never use them for production traffic"),
    emailsPerDay: z.number().int().nullable().describe("Emails the account may send a day; null means no limit"),
    apiKeys: z.number().int().describe("Most API keys the account may have"),
  })
  .describe("Limits the sending platform enforces for the account");

export const principalSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("api_key"), keyId: z.string() }),
    z.object({ type: z.literal("api_user"), username: z.string().describe("The API user's generated name") }),
    z.object({
      type: z.literal("oauth"),
      clientId: z.string().describe("The OAuth app's public client id (dca_…)"),
      app: z.string().describe("The app's name"),
      scopes: z.array(z.string()),
      expiresAt: z.iso.datetime().nullable(),
    }),
  ])
  .describe("Who authenticated: an API key, an API user (HTTP Basic with its user name and password), or an OAuth app's Bearer access token");

export const whoamiResponseSchema = z.object({
  account: accountSchema,
  limits: limitsSchema,
  principal: principalSchema,
  key: keyInfoSchema.nullable().describe("The API key used; null for an API user or an OAuth access token"),
});

export const verifyRequestSchema = z
  .object({
    key: z.string().min(1).max(256).describe("The key to verify, as presented to your service"),
    username: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("For an SMTP login: the user name presented with the key. It must be the key's id, or the key is not found"),
    requiredScopes: z.array(z.string().min(1).max(64)).max(20).optional(),
    ip: z.string().min(1).max(64).optional().describe("Address of your client; required when the key has an IP allow-list"),
  })
  .strict();

export const verifyResponseSchema = z.object({
  valid: z.boolean(),
  code: z.enum(VERIFY_CODES),
  accountId: z.string().nullable(),
  account: accountRefSchema.nullable().describe("The account the key belongs to (yours, or one of your subaccounts)"),
  keyId: z.string().nullable(),
  scopes: z.array(z.string()),
  permissions: z.array(z.string()),
  expiresAt: z.iso.datetime().nullable(),
  missingScopes: z.array(z.string()).optional(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

export type WhoamiResponse = z.infer<typeof whoamiResponseSchema>;
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
export type Problem = z.infer<typeof problemSchema>;
