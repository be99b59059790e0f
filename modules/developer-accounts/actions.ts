/** Developer-account requests: from a signed-in account, and the public form for integrators with its email link. */
"use server";

import { getRequestInfo } from "@/lib/auth/context";
import { defineAction, definePublicAction } from "@/lib/action";
import { confirmPublicRequest, submitPublicRequest } from "./data/public-requests";
import { requestDeveloperAccount } from "./data/requests";
import { INTEGRATIONS_PATH } from "./nav";
import { confirmRequestSchema, developerRequestSchema, publicRequestSchema } from "./schema";

// The shape is checked here; the Company rule needs the account, so the data function checks the same schema
// again, built for the actor's account.
export const requestDeveloperAccountAction = defineAction(developerRequestSchema(), (input, ctx) => requestDeveloperAccount(ctx, input), {
  revalidate: INTEGRATIONS_PATH,
});

export const submitPublicRequestAction = definePublicAction(publicRequestSchema, async (input) => submitPublicRequest(input, await getRequestInfo()));

export const confirmPublicRequestAction = definePublicAction(confirmRequestSchema, ({ token }) => confirmPublicRequest(token));
