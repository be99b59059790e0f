/**
 * The password rule for people and API users (Dotdigital's): at least 8 characters with at least one digit or
 * one character that is not a letter or digit. Shared by forms (shown next to the field) and the server.
 */
import { z } from "zod";

export const PASSWORD_RULE = "At least 8 characters, including a digit or a symbol.";

export const passwordSchema = z
  .string()
  .min(8, PASSWORD_RULE)
  .max(200, "At most 200 characters")
  .refine((v) => /[^A-Za-z]/.test(v), PASSWORD_RULE)
  .refine((v) => v.trim() !== "", "A password cannot be only spaces");
