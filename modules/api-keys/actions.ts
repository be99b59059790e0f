/** The key page's server actions: each through the one wrapper (session → schema → data function → revalidate). */
"use server";

import { createApiKey, deleteApiKey, rotateApiKey, setApiKeyEnabled, updateApiKey } from "./data/mutations";
import { defineAction } from "@/lib/action";
import { setRotationDays } from "./data/rotation-setting";
import {
  createApiKeySchema,
  deleteApiKeySchema,
  rotateApiKeySchema,
  rotationDaysSchema,
  setApiKeyEnabledSchema,
  updateApiKeySchema,
} from "./schema";
import { KEYS_PATH } from "./nav";

const revalidate = KEYS_PATH;

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

export const setRotationDaysAction = defineAction(rotationDaysSchema, ({ days }, ctx) => setRotationDays(ctx, days), { revalidate });
