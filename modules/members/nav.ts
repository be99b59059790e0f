/** Team (Dotdigital's "Manage users"): people with access to the account, invitations, and API users. */
import { defineFeature } from "@/modules/feature";

export const USERS_PATH = "/settings/account/users";

export const membersFeature = defineFeature({
  id: "members",
  nav: [{ section: "Account settings", group: "Account", href: USERS_PATH, label: "Manage users" }],
  auditLabels: {
    "member.invited": "invited",
    "invitation.resent": "resent the invitation of",
    "invitation.revoked": "revoked the invitation of",
    "member.joined": "joined the account:",
    "member.role_changed": "changed the role of",
    "member.removed": "removed",
    "member.left": "left the account:",
    "ownership.transferred": "transferred ownership to",
    "api_user.created": "created API user",
    "api_user.updated": "edited API user",
    "api_user.enabled": "enabled API user",
    "api_user.disabled": "disabled API user",
    "api_user.deleted": "deleted API user",
  },
  policy: {
    "members.view": ["owner", "admin"],
    "members.manage": ["owner", "admin"],
    "members.transferOwnership": ["owner"],
    "apiUsers.view": ["owner", "admin"],
    "apiUsers.manage": ["owner"],
  },
});
