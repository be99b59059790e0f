"use server";

import { createApiKey, deleteApiKey, rotateApiKey, setApiKeyEnabled, updateApiKey } from "@/lib/api-keys/mutations";
import { defineAction } from "@/lib/safe-action";
import {
  createApiKeySchema,
  deleteApiKeySchema,
  rotateApiKeySchema,
  setApiKeyEnabledSchema,
  updateApiKeySchema,
} from "@/lib/validation/api-keys";

const revalidate = "/settings/developers/api-keys";

export const createApiKeyAction = defineAction(createApiKeySchema, (input, ctx) => createApiKey(ctx, input), {
  revalidate,
});

export const updateApiKeyAction = defineAction(
  updateApiKeySchema,
  ({ id, ...input }, ctx) => updateApiKey(ctx, id, input),
  { revalidate },
);

export const rotateApiKeyAction = defineAction(
  rotateApiKeySchema,
  ({ id, grace }, ctx) => rotateApiKey(ctx, id, grace),
  { revalidate },
);

export const setApiKeyEnabledAction = defineAction(
  setApiKeyEnabledSchema,
  ({ id, enabled }, ctx) => setApiKeyEnabled(ctx, id, enabled),
  { revalidate },
);

export const deleteApiKeyAction = defineAction(
  deleteApiKeySchema,
  ({ id, confirmName }, ctx) => deleteApiKey(ctx, id, confirmName),
  { revalidate },
);
