/** The Apps and Authorized apps pages' server actions: each through the one wrapper (session → schema → data → revalidate). */
"use server";

import { defineAction } from "@/lib/action";
import { revokeAuthorizedApp } from "./data/authorizations";
import { decideAuthorization } from "./data/authorize";
import { submitForReview, withdrawFromCatalog } from "./data/catalog";
import { createApp, deleteApp, resetAppSecret, setPasswordGrant, updateApp } from "./data/mutations";
import { APPS_PATH, AUTHORIZED_APPS_PATH } from "./nav";
import {
  authorizeDecisionSchema,
  createAppSchema,
  deleteAppSchema,
  passwordGrantSchema,
  resetSecretSchema,
  revokeAuthorizationSchema,
  submitForReviewSchema,
  updateAppSchema,
  withdrawSchema,
} from "./schema";

const revalidate = APPS_PATH;

export const createAppAction = defineAction(createAppSchema, (input, ctx) => createApp(ctx, input), { revalidate });
export const updateAppAction = defineAction(updateAppSchema, ({ id, ...input }, ctx) => updateApp(ctx, id, input), { revalidate });
export const resetAppSecretAction = defineAction(resetSecretSchema, ({ id, grace }, ctx) => resetAppSecret(ctx, id, grace), { revalidate });
export const deleteAppAction = defineAction(deleteAppSchema, ({ id, confirmName }, ctx) => deleteApp(ctx, id, confirmName), { revalidate });
export const setPasswordGrantAction = defineAction(passwordGrantSchema, ({ id, enabled }, ctx) => setPasswordGrant(ctx, id, enabled), { revalidate });
export const submitForReviewAction = defineAction(submitForReviewSchema, (input, ctx) => submitForReview(ctx, input), { revalidate });
export const withdrawFromCatalogAction = defineAction(withdrawSchema, ({ id }, ctx) => withdrawFromCatalog(ctx, id), { revalidate });
export const revokeAuthorizedAppAction = defineAction(revokeAuthorizationSchema, ({ id }, ctx) => revokeAuthorizedApp(ctx, id), {
  revalidate: AUTHORIZED_APPS_PATH,
});

/** The consent screen: Allow issues a code for the chosen account, Deny answers access_denied; both return where to go. */
export const authorizeAppAction = defineAction(authorizeDecisionSchema, ({ params, accountId, allow }, ctx) => decideAuthorization(ctx, params, accountId, allow));
