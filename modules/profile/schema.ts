/** The change-password form: current password, the new one (the shared rule), and its confirmation. */
import { z } from "zod";
import { passwordSchema } from "@/core/password-policy";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password you have not been using" });

export type ChangePasswordValues = z.input<typeof changePasswordSchema>;

/** Which key emails the person wants (profile page). */
export const notificationsSchema = z.object({ keyExpiry: z.boolean(), rotationDigest: z.boolean() }).strict();
export type NotificationsValues = z.input<typeof notificationsSchema>;
