/**
 * The developer-account request form: one schema for the signed-in form (client and server) and, narrowed to
 * integrators with a honeypot, for the public form. The Company rule needs the requesting account, so the schema
 * is built for it: `developerRequestSchema({ name, number })`.
 */
import { z } from "zod";
import { formatAccountNumber } from "@/core/account-number";

export const USE_CASES = ["staging", "whitelabel", "integrator"] as const;
export type UseCase = (typeof USE_CASES)[number];
export const USE_CASE_LABELS: Record<UseCase, string> = {
  staging: "Staging — a separate environment for my production account",
  whitelabel: "Whitelabel — API keys for my whitelabel account",
  integrator: "System integrator — a connector with a third-party platform",
};

export type AccountRef = { name: string; number: number };

const text = (label: string, max: number) =>
  z.string({ error: `${label} is required` }).max(max * 4).trim().min(1, `${label} is required`).max(max, `At most ${max} characters`);

const shape = {
  useCase: z.enum(USE_CASES, { error: "Choose a use case" }),
  // Stored with its spacing tidied: "Acme  Ltd.   m1001 " → "Acme Ltd. m1001".
  company: text("Company", 120).transform((s) => s.replace(/\s+/g, " ")),
  contactName: text("Contact name", 120),
  contactEmail: z.string({ error: "Email is required" }).max(1000).trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254, "At most 254 characters")),
  description: z.string().max(8000).trim().min(20, "Tell us what you are building in at least 20 characters").max(2000, "At most 2,000 characters"),
  platform: z.string().max(1000).trim().max(120, "At most 120 characters").default(""),
  website: z.string().max(1000).trim().max(300, "At most 300 characters").default(""),
};

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The Company rule for staging and whitelabel requests: "<account name> m<number>", case and spacing aside. */
export function companyProblem(company: string, account: AccountRef): string | null {
  const number = formatAccountNumber(account.number);
  const example = `“${account.name} ${number}”`;
  const value = squash(company);
  const ending = /m\s*(\d+)$/.exec(value);
  if (!ending) return `Company must end with this account's number, ${number}, e.g. ${example}.`;
  if (Number(ending[1]) !== account.number) return `m${ending[1]} is not this account's number. Company must end with ${number}, e.g. ${example}.`;
  if (!value.slice(0, ending.index).includes(squash(account.name))) return `Company must contain this account's name, “${account.name}”, e.g. ${example}.`;
  return null;
}

type Values = { useCase: UseCase; company: string; platform: string; website: string };

function refine(account: AccountRef | null | undefined) {
  return (v: Values, ctx: z.RefinementCtx) => {
    if (v.useCase === "integrator") {
      if (!v.platform) ctx.addIssue({ code: "custom", path: ["platform"], message: "Name the third-party platform" });
      if (!/^https?:\/\/[^\s/.]+\.[^\s]+$/i.test(v.website)) ctx.addIssue({ code: "custom", path: ["website"], message: "Enter the website, e.g. https://example.com" });
      return;
    }
    if (account === null) ctx.addIssue({ code: "custom", path: ["useCase"], message: "Sign in to request a developer account for your account" });
    const problem = account ? companyProblem(v.company, account) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["company"], message: problem });
  };
}

/** With `account`: the Company rule for it. Without (undefined): shape only, as the action's first check. */
export const developerRequestSchema = (account?: AccountRef) => z.object(shape).strict().superRefine(refine(account));
export type DeveloperRequestValues = z.input<ReturnType<typeof developerRequestSchema>>;
export type DeveloperRequestInput = z.output<ReturnType<typeof developerRequestSchema>>;

/** The public form: integrators only, plus a honeypot ("fax") that people never see and bots fill in. */
export const publicRequestSchema = z
  .object({ ...shape, useCase: z.literal("integrator", { error: "The public form is for system integrators" }), fax: z.string().max(500).default("") })
  .strict()
  .superRefine(refine(null));
export type PublicRequestValues = z.input<typeof publicRequestSchema>;
export type PublicRequestInput = z.output<typeof publicRequestSchema>;

export const confirmRequestSchema = z.object({ token: z.string().min(10).max(200) }).strict();

export const emptyRequestForm = (useCase: UseCase): DeveloperRequestValues => ({
  useCase, company: "", contactName: "", contactEmail: "", description: "", platform: "", website: "",
});
