/** Shared by the app forms (zodResolver, raw values) and the server actions (parsed values). */
import { z } from "zod";
import { GRANT_TYPES, redirectUriProblem } from "@/core/oauth/grants";

export const idSchema = z.string().trim().min(1, "Missing id").max(64, "Invalid id");

const httpsUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label} must be at most 500 characters`)
    .refine((v) => v === "" || /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(v), `${label} must be an https URL`);

export const appFieldsSchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(64, "Name must be at most 64 characters"),
  description: z.string().trim().max(1000, "Description must be at most 1,000 characters"),
  developerName: z.string().trim().min(1, "Developer name or email is required").max(200, "At most 200 characters"),
  /** One per line in the form. */
  redirectUris: z
    .string()
    .max(5000, "Too many redirect URIs")
    .transform((text, ctx) => {
      const lines = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
      if (lines.length > 10) ctx.addIssue({ code: "custom", message: "At most 10 redirect URIs" });
      for (const line of lines) {
        const problem = redirectUriProblem(line);
        if (problem) ctx.addIssue({ code: "custom", message: `${line.slice(0, 80)} ${problem}` });
      }
      return lines;
    }),
  grantTypes: z
    .array(z.enum(GRANT_TYPES, { error: "Unknown grant type" }))
    .min(1, "Choose at least one grant type")
    .max(GRANT_TYPES.length * 2)
    .transform((v) => [...new Set(v)]),
});

const refineApp = <T extends { redirectUris: string[]; grantTypes: string[] }>(v: T, ctx: z.RefinementCtx) => {
  if (v.grantTypes.includes("authorization_code") && v.redirectUris.length === 0) {
    ctx.addIssue({ code: "custom", path: ["redirectUris"], message: "The authorization code grant needs at least one redirect URI" });
  }
  if (v.grantTypes.includes("refresh_token") && !v.grantTypes.some((g) => g === "authorization_code" || g === "password")) {
    ctx.addIssue({ code: "custom", path: ["grantTypes"], message: "Refresh tokens come with the authorization code or password grant" });
  }
};

export const createAppSchema = appFieldsSchema.strict().superRefine(refineApp);
export const updateAppSchema = appFieldsSchema.extend({ id: idSchema }).strict().superRefine(refineApp);

export type AppFormValues = z.input<typeof appFieldsSchema>;
export type AppInput = z.output<typeof appFieldsSchema>;

export const emptyAppForm: AppFormValues = { name: "", description: "", developerName: "", redirectUris: "", grantTypes: ["authorization_code", "refresh_token"] };

export const SECRET_GRACE = { now: 0, "1h": 3600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export const resetSecretSchema = z.object({ id: idSchema, grace: z.enum(["now", "1h", "24h", "7d"]) }).strict();
export const deleteAppSchema = z.object({ id: idSchema, confirmName: z.string().trim().max(64) }).strict();
export const passwordGrantSchema = z.object({ id: idSchema, enabled: z.boolean() }).strict();
export const revokeAuthorizationSchema = z.object({ id: idSchema }).strict();

export const submitForReviewSchema = z
  .object({ id: idSchema, website: httpsUrl("Website").refine((v) => v !== "", "Website is required"), logoUrl: httpsUrl("Logo URL") })
  .strict();
export const withdrawSchema = z.object({ id: idSchema }).strict();

const param = z.string().max(2000).optional();
/** The consent screen's Allow / Deny: the original request's parameters (checked again) and the chosen account. */
export const authorizeDecisionSchema = z
  .object({
    params: z
      .object({ response_type: param, client_id: param, redirect_uri: param, scope: param, state: param, code_challenge: param, code_challenge_method: param })
      .strict(),
    accountId: idSchema,
    allow: z.boolean(),
  })
  .strict();
export type AuthorizeDecision = z.input<typeof authorizeDecisionSchema>;
