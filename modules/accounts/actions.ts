/** The account switcher's action. */
"use server";

import { defineAction } from "@/lib/action";
import { switchActiveAccount } from "./data/switch";
import { switchAccountSchema } from "./schema";

export const switchAccountAction = defineAction(switchAccountSchema, ({ accountId }, ctx) => switchActiveAccount(ctx, accountId));
