/** The signed-in person's own settings (profile and password), for the shell. */
import { defineFeature } from "@/modules/feature";

export const PROFILE_PATH = "/settings/profile";

export const profileFeature = defineFeature({
  id: "profile",
  nav: [{ section: "Personal settings", group: "Your profile", href: PROFILE_PATH, label: "Profile and password" }],
  auditLabels: {
    "user.password_changed": "changed their password",
    "user.signed_out_everywhere": "signed out of every session",
    "user.notifications_changed": "changed which key emails they get",
  },
  policy: {},
});
