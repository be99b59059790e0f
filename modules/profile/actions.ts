/** The profile page's action. */
"use server";

import { defineAction } from "@/lib/action";
import { changePassword } from "./data/password";
import { changePasswordSchema } from "./schema";

export const changePasswordAction = defineAction(changePasswordSchema, ({ currentPassword, newPassword }, ctx) =>
  changePassword(ctx, currentPassword, newPassword),
);
