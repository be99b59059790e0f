/** The staff console's actions: decide a request. Anyone but staff gets a 404. */
"use server";

import { defineStaffAction } from "@/lib/action";
import { approveRequest, declineRequest } from "./data/requests";
import { STAFF_REQUESTS_PATH } from "./nav";
import { approveRequestSchema, declineRequestSchema, unlistSchema } from "./schema";
import { unlistFromCatalog } from "@/modules/oauth-apps/public";

export const approveRequestAction = defineStaffAction(approveRequestSchema, ({ id, newLimit, note }, staff) => approveRequest(staff, id, newLimit, note), {
  revalidate: STAFF_REQUESTS_PATH,
});

export const declineRequestAction = defineStaffAction(declineRequestSchema, ({ id, reason }, staff) => declineRequest(staff, id, reason), {
  revalidate: STAFF_REQUESTS_PATH,
});

/** Takes an approved integration off the public catalog. */
export const unlistIntegrationAction = defineStaffAction(unlistSchema, ({ appId, reason }, staff) => unlistFromCatalog(staff, appId, reason), {
  revalidate: STAFF_REQUESTS_PATH,
});
