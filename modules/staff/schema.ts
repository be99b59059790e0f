/** Staff decisions and searches. */
import { z } from "zod";
import { idSchema } from "@/modules/api-keys/schema";

export const REQUEST_TYPES = ["subaccounts", "developer_account", "integration"] as const;
export const REQUEST_STATUSES = ["pending", "approved", "declined"] as const;

export const requestFilterSchema = z.object({
  type: z.enum(REQUEST_TYPES).optional().catch(undefined),
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
});

export const approveRequestSchema = z
  .object({
    id: idSchema,
    newLimit: z.coerce.number({ error: "Enter the new limit" }).int("Enter a whole number").min(0).max(1000, "At most 1,000"),
    note: z.string().max(1000, "At most 1,000 characters").trim().optional(),
  })
  .strict();
export type ApproveRequestValues = z.input<typeof approveRequestSchema>;

export const declineRequestSchema = z
  .object({ id: idSchema, reason: z.string().max(2000).trim().min(1, "Tell the requester why").max(1000, "At most 1,000 characters") })
  .strict();
export type DeclineRequestValues = z.input<typeof declineRequestSchema>;

export const accountSearchSchema = z.string().max(100).trim();

export const unlistSchema = z.object({ appId: idSchema, reason: z.string().trim().min(1, "Tell the developer why").max(1000, "At most 1,000 characters") }).strict();
export type UnlistValues = z.input<typeof unlistSchema>;
