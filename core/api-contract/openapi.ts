/** OpenAPI 3.1, generated from the zod schemas the API server uses (schemas.ts); served and shown in the dashboard. */
import { z } from "zod";
import { problemSchema, verifyRequestSchema, verifyResponseSchema, whoamiResponseSchema } from "./schemas";

function schema(s: z.ZodType) {
  const json = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema; // components inherit the document's dialect (JSON Schema 2020-12 in OpenAPI 3.1)
  return json;
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Developer's corner API",
      version: "1.0.0",
      description:
        "Authenticate with an API key: HTTP Basic with any username and the key as the password " +
        "(`curl --user 'api:KEY' …`), or `Authorization: Bearer KEY`.",
    },
    servers: [{ url: "/" }],
    security: [{ basicAuth: [] }, { bearerAuth: [] }],
    components: {
      securitySchemes: {
        basicAuth: { type: "http", scheme: "basic", description: "Username: anything. Password: the API key." },
        bearerAuth: { type: "http", scheme: "bearer" },
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
          summary: "Who does this key belong to?",
          responses: {
            "200": { description: "The key is valid", content: { "application/json": { schema: { $ref: "#/components/schemas/WhoamiResponse" } } } },
            "400": problem("Malformed Authorization header"),
            "401": problem("Missing, unknown or wrong key"),
            "403": problem("Key disabled, expired, or not allowed from this IP address"),
            "429": problem("Too many requests in flight or too many failed authentications from this IP"),
          },
        },
      },
      "/api/v1/keys/verify": {
        post: {
          operationId: "verifyKey",
          summary: "Verify a key presented to your service (caller needs the keys:verify scope)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/VerifyRequest" } } } },
          responses: {
            "200": { description: "Verification result", content: { "application/json": { schema: { $ref: "#/components/schemas/VerifyResponse" } } } },
            "400": problem("Malformed request"),
            "401": problem("The caller's own key is missing, unknown or wrong"),
            "403": problem("The caller's key lacks keys:verify, or is disabled, expired or IP-restricted"),
            "429": problem("Rate limited"),
          },
        },
      },
    },
  };
}
