/** Manage users: people, invitations and API users; accepting an invitation (signed in, or as a new person). */
"use server";

import { signIn } from "@/auth";
import { definePublicAction, defineAction } from "@/lib/action";
import { getSession } from "@/lib/auth/context";
import { UnauthenticatedError } from "@/lib/errors";
import { KEYS_PATH } from "@/modules/api-keys/nav";
import { acceptAsNewUser, acceptAsSignedInUser } from "./data/accept";
import { createApiUser, deleteApiUser, setApiUserEnabled, updateApiUser } from "./data/api-users";
import { inviteMember, resendInvitation, revokeInvitation } from "./data/invitations";
import { changeMemberRole, leaveAccount, leaveAccountById, removeMember, transferOwnership } from "./data/members";
import { USERS_PATH } from "./nav";
import * as s from "./schema";

const revalidate = USERS_PATH;

export const inviteMemberAction = defineAction(s.inviteSchema, ({ email, role }, ctx) => inviteMember(ctx, email, role), { revalidate });
export const resendInvitationAction = defineAction(s.invitationIdSchema, ({ id }, ctx) => resendInvitation(ctx, id), { revalidate });
export const revokeInvitationAction = defineAction(s.invitationIdSchema, ({ id }, ctx) => revokeInvitation(ctx, id), { revalidate });
export const changeMemberRoleAction = defineAction(s.changeRoleSchema, ({ userId, role }, ctx) => changeMemberRole(ctx, userId, role), { revalidate });
export const removeMemberAction = defineAction(s.memberSchema, ({ userId }, ctx) => removeMember(ctx, userId), { revalidate });
export const leaveAccountAction = defineAction(s.emptySchema, (_input, ctx) => leaveAccount(ctx));
export const leaveMembershipAction = defineAction(s.leaveMembershipSchema, ({ accountId }, ctx) => leaveAccountById(ctx, accountId), { revalidate: "/settings/profile" });
export const transferOwnershipAction = defineAction(s.memberSchema, ({ userId }, ctx) => transferOwnership(ctx, userId), { revalidate });

export const createApiUserAction = defineAction(s.apiUserCreateSchema, (input, ctx) => createApiUser(ctx, input), { revalidate });
export const updateApiUserAction = defineAction(s.apiUserUpdateSchema, ({ id, ...input }, ctx) => updateApiUser(ctx, id, input), { revalidate });
export const setApiUserEnabledAction = defineAction(s.apiUserIdSchema.extend({ enabled: s.apiUserCreateSchema.shape.enabled }), ({ id, enabled }, ctx) =>
  setApiUserEnabled(ctx, id, enabled), { revalidate });
export const deleteApiUserAction = defineAction(s.apiUserIdSchema, ({ id }, ctx) => deleteApiUser(ctx, id), { revalidate });

/** A signed-in person accepts an invitation for their own email. */
export const acceptInvitationAction = definePublicAction(s.acceptSignedInSchema, async ({ token }) => {
  const session = await getSession();
  if (!session) throw new UnauthenticatedError();
  await acceptAsSignedInUser(token, session.userId);
  return { redirectTo: KEYS_PATH };
});

/** A new person accepts: their user is created with the invitation, then they are signed in. */
export const acceptAsNewUserAction = definePublicAction(s.acceptNewUserSchema, async ({ token, name, password }) => {
  const email = await acceptAsNewUser(token, name, password);
  await signIn("credentials", { email, password, redirect: false });
  return { redirectTo: KEYS_PATH };
});
