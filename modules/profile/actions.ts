/** The profile page's actions: change password, and which key emails to get. */
"use server";

import { defineAction } from "@/lib/action";
import { updateNotificationSettings } from "./data/notifications";
import { PROFILE_PATH } from "./nav";
import { changePassword } from "./data/password";
import { changePasswordSchema, notificationsSchema } from "./schema";

export const changePasswordAction = defineAction(changePasswordSchema, ({ currentPassword, newPassword }, ctx) =>
  changePassword(ctx, currentPassword, newPassword),
);

export const updateNotificationsAction = defineAction(notificationsSchema, (input, ctx) => updateNotificationSettings(ctx, input), {
  revalidate: PROFILE_PATH,
});
