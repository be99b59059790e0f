/**
 * OpenAPI 3.1, generated from the zod schemas the API server uses (schemas.ts) with the examples in examples.ts;
 * served at /api/v1/openapi.json and shown on the dashboard's API reference. Passes redocly (recommended) and
 * spectral (spectral:oas) with no warnings (tests/unit/openapi-lint.test.ts).
 */
import { z } from "zod";
import { problemExamples, verifyRequestExamples, verifyResponseExamples, whoamiExample, whoamiOAuthExample } from "./examples";
import { oauthPaths, oauthSchemes } from "./openapi-oauth";
import { problemSchema, verifyRequestSchema, verifyResponseSchema, whoamiResponseSchema } from "./schemas";

function schema(s: z.ZodType) {
  const json = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema; // components inherit the document's dialect (JSON Schema 2020-12 in OpenAPI 3.1)
  return json;
}

const problem = (status: keyof typeof problemExamples, description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, example: problemExamples[status] } },
});

const json = (ref: string, extra: Record<string, unknown>) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` }, ...extra } });

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Developer's corner API",
      version: "1.0.0",
      description:
        "Authenticate with an API key: HTTP Basic with any username and the key as the password " +
        "(`curl --user 'api:KEY' …`), or `Authorization: Bearer KEY`; or as an API user: HTTP Basic with its generated " +
        "user name and its password (`curl --user 'apiuser-…@api.example.com:PASSWORD' …`; API users have the account's " +
        "full API access); or, for a registered OAuth app, `Authorization: Bearer` with an access token from " +
        "/api/v1/oauth/token. Errors are RFC 9457 problem details (OAuth endpoints: RFC 6749 errors).",
      contact: { name: "Developer's corner", url: "https://developers-corner.dev" },
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This server" }],
    security: [{ basicAuth: [] }, { bearerAuth: [] }, { oauth2: [] }],
    tags: [
      { name: "Keys", description: "Who a key belongs to, and checking keys presented to your own services." },
      { name: "OAuth", description: "The OAuth 2 server for registered apps: tokens, revocation, introspection." },
    ],
    components: {
      securitySchemes: {
        basicAuth: { type: "http", scheme: "basic", description: "Username: anything, password: the API key; or an API user's name and password." },
        bearerAuth: { type: "http", scheme: "bearer", description: "The API key as the bearer token." },
        ...oauthSchemes,
      },
      schemas: {
        WhoamiResponse: schema(whoamiResponseSchema),
        VerifyRequest: schema(verifyRequestSchema),
        VerifyResponse: schema(verifyResponseSchema),
        Problem: schema(problemSchema),
      },
    },
    paths: {
      "/api/v1/whoami": {
        get: {
          operationId: "whoami",
          tags: ["Keys"],
          summary: "Who am I?",
          description:
            "Answers the account (its kind: standard, whitelabel or developer), its limits and the principal you authenticated as (an API key, an API user, or an OAuth app's access token): a quick way to test credentials. No scope is needed. A developer account has `limits.production: false` and trial-like limits that your sending platform should enforce.",
          responses: {
            "200": {
              description: "The key or token is valid",
              content: json("WhoamiResponse", { examples: { apiKey: { summary: "An API key", value: whoamiExample }, oauth: { summary: "An OAuth access token", value: whoamiOAuthExample } } }),
            },
            "400": problem("400", "Malformed Authorization header"),
            "401": problem("401", "Missing, unknown or wrong key; or an unknown API user or wrong password"),
            "403": problem("403", "Key disabled, expired, or not allowed from this IP address; API user disabled (USER_DISABLED); account suspended"),
            "429": problem("429", "Too many requests in flight or too many failed authentications from this IP"),
          },
        },
      },
      "/api/v1/keys/verify": {
        post: {
          operationId: "verifyKey",
          tags: ["Keys"],
          summary: "Verify a key presented to your service (caller needs the keys:verify scope)",
          description:
            "Your service (authenticated with its own key, which needs `keys:verify`) asks whether a key one of its " +
            "clients presented is valid, has the scopes it needs and may be used from the client's address. Only keys " +
            "of the caller's own account are found. For an SMTP login send the user name too: it must be the key id.",
          requestBody: { required: true, content: json("VerifyRequest", { examples: verifyRequestExamples }) },
          responses: {
            "200": { description: "Verification result", content: json("VerifyResponse", { examples: verifyResponseExamples }) },
            "400": problem("400", "Malformed request"),
            "401": problem("401", "The caller's own key is missing, unknown or wrong"),
            "403": problem("403", "The caller's key lacks keys:verify, or is disabled, expired or IP-restricted"),
            "429": problem("429", "Rate limited"),
          },
        },
      },
      ...oauthPaths,
    },
  };
}
