/** Shared by the key form (zodResolver, raw values) and the server actions (parsed + transformed values). */
import { z } from "zod";
import { PERMISSIONS, ROTATION_GRACE_OPTIONS, SCOPES } from "@/modules/api-keys/catalog";
import { parseAllowList } from "@/core/net/ip";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Rejects dates that do not exist (2031-02-30), which Date.parse would silently roll over. */
function isRealDate(v: string): boolean {
  if (!DATE_ONLY.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 500;

export const idSchema = z.string().trim().min(1, "Missing id").max(64, "Invalid id");

export const apiKeyFieldsSchema = z.object({
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Name is required")
    .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters`),
  description: z.string().trim().max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters`),
  // Every array and string from a client has a size limit (zod GHSA-mrhx-c7xc-m3w5: unbounded input → OOM).
  scopes: z
    .array(z.enum(SCOPES, { error: "Unknown scope" }))
    .min(1, "Choose at least one scope")
    .max(SCOPES.length * 2, "Too many scopes")
    .transform((v) => [...new Set(v)]),
  permissions: z
    .array(z.enum(PERMISSIONS, { error: "Unknown permission" }))
    .max(PERMISSIONS.length * 2, "Too many permissions")
    .transform((v) => [...new Set(v)]),
  allowedIps: z
    .string()
    .max(10_000, "Too much text for an IP list")
    .transform((text, ctx) => {
      // "1.2.3.4, 5.6.7.8" is a common paste: say what to do rather than "not a valid address".
      const commas = text.split(/\r?\n/).flatMap((line, i) => (line.includes(",") ? [`Line ${i + 1}: “${line.trim()}”: one address or range per line`] : []));
      if (commas.length) {
        ctx.addIssue({ code: "custom", message: commas.join("\n") });
        return z.NEVER;
      }
      const result = parseAllowList(text);
      if (result.ok) return result.entries;
      ctx.addIssue({ code: "custom", message: result.errors.join("\n") });
      return z.NEVER;
    }),
  expiresOn: z
    .string()
    .max(32, "Enter a date as YYYY-MM-DD")
    .trim()
    .refine((v) => v === "" || isRealDate(v), {
      message: "Enter a date as YYYY-MM-DD",
    })
    .refine((v) => v === "" || v >= todayUtc(), { message: "The expiry date cannot be in the past" })
    // A key that "expires on" a day works until the end of that day (UTC).
    .transform((v) => (v === "" ? null : new Date(`${v}T23:59:59.999Z`))),
  defaultMailingId: z
    .string()
    .trim()
    .max(64, "Unknown mailing")
    .transform((v) => (v === "" ? null : v)),
});

export const createApiKeySchema = apiKeyFieldsSchema.strict();
export const updateApiKeySchema = apiKeyFieldsSchema.extend({ id: idSchema }).strict();

export type ApiKeyFormValues = z.input<typeof createApiKeySchema>;
export type ApiKeyInput = z.output<typeof createApiKeySchema>;

export const rotateApiKeySchema = z
  .object({ id: idSchema, grace: z.enum(ROTATION_GRACE_OPTIONS, { error: "Choose when the old secret stops working" }) })
  .strict();

export const setApiKeyEnabledSchema = z.object({ id: idSchema, enabled: z.boolean() }).strict();

export const deleteApiKeySchema = z
  .object({ id: idSchema, confirmName: z.string().max(200, "Type the key's name to confirm").trim().min(1, "Type the key's name to confirm") })
  .strict();

export const emptyApiKeyForm: ApiKeyFormValues = {
  name: "",
  description: "",
  scopes: [],
  permissions: [],
  allowedIps: "",
  expiresOn: "",
  defaultMailingId: "",
};

/** The keys page's URL search params: anything unknown falls back to "all" / newest first, never an error. */
export const keyListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(["all", "active", "disabled", "expired"]).catch("all"),
  scope: z.enum(["all", ...SCOPES]).catch("all"),
  sort: z.enum(["created", "name", "lastUsed"]).catch("created"),
});

/** Next hands search params as string | string[] | undefined: the first value of each, then the schema's defaults. */
export function parseKeyListQuery(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return keyListQuerySchema.parse({ q: first(params.q), status: first(params.status), scope: first(params.scope), sort: first(params.sort) });
}

/** The account's rotation reminder: keys whose secret is older than this many days are flagged (Mailjet: 90). */
export const rotationDaysSchema = z
  .object({ days: z.coerce.number({ error: "Enter a number of days" }).int("Enter a whole number of days").min(7, "At least 7 days").max(730, "At most 730 days") })
  .strict();
export type RotationDaysValues = z.input<typeof rotationDaysSchema>;
