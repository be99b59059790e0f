/** The subaccounts page's forms: create (with an optional first key), rename, suspend/resume, delete, request more. */
import { z } from "zod";
import { createApiKeySchema, idSchema } from "@/modules/api-keys/schema";

export const subaccountNameSchema = z
  .string({ error: "Name is required" })
  .max(200, "Name must be at most 80 characters")
  .trim()
  .min(1, "Name is required")
  .max(80, "Name must be at most 80 characters");

export const createSubaccountSchema = z
  .object({ name: subaccountNameSchema, firstKey: createApiKeySchema.nullable() })
  .strict();
export type CreateSubaccountValues = z.input<typeof createSubaccountSchema>;

export const renameSubaccountSchema = z.object({ id: idSchema, name: subaccountNameSchema }).strict();
export const setSubaccountStatusSchema = z.object({ id: idSchema, suspended: z.boolean() }).strict();
export const deleteSubaccountSchema = z
  .object({ id: idSchema, confirmName: z.string().max(200).trim().min(1, "Type the subaccount's name to confirm") })
  .strict();

export const requestMoreSchema = z
  .object({
    count: z.coerce.number({ error: "Enter a number from 1 to 50" }).int("Enter a whole number").min(1, "At least 1").max(50, "At most 50 at a time"),
    reason: z.string().max(2000).trim().min(1, "Tell us what they are for").max(1000, "At most 1,000 characters"),
  })
  .strict();
export type RequestMoreValues = z.input<typeof requestMoreSchema>;
