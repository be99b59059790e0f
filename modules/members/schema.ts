/** The Manage users forms: invite, change role, remove, transfer ownership, accept an invitation; API users. */
import { z } from "zod";
import { PASSWORD_RULE, passwordSchema } from "@/core/password-policy";
import { idSchema } from "@/modules/api-keys/schema";

export const ROLE_VALUES = ["owner", "admin", "developer", "viewer"] as const;
const role = z.enum(ROLE_VALUES, { error: "Choose a role" });
const email = z.string().max(254, "Enter a valid email address").trim().toLowerCase().email("Enter a valid email address");

export const inviteSchema = z.object({ email, role }).strict();
export type InviteValues = z.input<typeof inviteSchema>;
export const invitationIdSchema = z.object({ id: idSchema }).strict();
export const leaveMembershipSchema = z.object({ accountId: idSchema }).strict();
export const changeRoleSchema = z.object({ userId: idSchema, role }).strict();
export const memberSchema = z.object({ userId: idSchema }).strict();
export const emptySchema = z.object({}).strict();

export const acceptNewUserSchema = z
  .object({
    token: z.string().max(200),
    name: z.string().max(200).trim().min(1, "Enter your name").max(100, "At most 100 characters"),
    password: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .strict()
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ" });
export type AcceptNewUserValues = z.input<typeof acceptNewUserSchema>;
export const acceptSignedInSchema = z.object({ token: z.string().max(200) }).strict();

export const apiUserCreateSchema = z
  .object({
    description: z.string().max(400).trim().min(1, "Describe what it is for").max(200, "At most 200 characters"),
    password: passwordSchema,
    enabled: z.boolean(),
  })
  .strict();
export type ApiUserCreateValues = z.input<typeof apiUserCreateSchema>;
export const apiUserUpdateSchema = z
  .object({
    id: idSchema,
    description: z.string().max(400).trim().min(1, "Describe what it is for").max(200, "At most 200 characters"),
    password: z.union([z.literal(""), passwordSchema]),
    enabled: z.boolean(),
  })
  .strict();
export type ApiUserUpdateValues = z.input<typeof apiUserUpdateSchema>;
export const apiUserIdSchema = z.object({ id: idSchema }).strict();

export { PASSWORD_RULE };
