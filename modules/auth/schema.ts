/** The sign-in form's schema: the login form (zodResolver) and the sign-in action parse with it. */
import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254, "Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(200, "The password is too long"),
});

export type LoginValues = z.input<typeof loginSchema>;
