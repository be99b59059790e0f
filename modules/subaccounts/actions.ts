/** The subaccounts page's actions, each through the one wrapper. */
"use server";

import { defineAction } from "@/lib/action";
import { createSubaccount, deleteSubaccount, renameSubaccount, requestMoreSubaccounts, setSubaccountSuspended } from "./data/mutations";
import { SUBACCOUNTS_PATH } from "./nav";
import { createSubaccountSchema, deleteSubaccountSchema, renameSubaccountSchema, requestMoreSchema, setSubaccountStatusSchema } from "./schema";

const revalidate = SUBACCOUNTS_PATH;

export const createSubaccountAction = defineAction(createSubaccountSchema, (input, ctx) => createSubaccount(ctx, input), { revalidate });
export const renameSubaccountAction = defineAction(renameSubaccountSchema, ({ id, name }, ctx) => renameSubaccount(ctx, id, name), { revalidate });
export const setSubaccountStatusAction = defineAction(setSubaccountStatusSchema, ({ id, suspended }, ctx) => setSubaccountSuspended(ctx, id, suspended), { revalidate });
export const deleteSubaccountAction = defineAction(deleteSubaccountSchema, ({ id, confirmName }, ctx) => deleteSubaccount(ctx, id, confirmName), { revalidate });
export const requestMoreSubaccountsAction = defineAction(requestMoreSchema, (input, ctx) => requestMoreSubaccounts(ctx, input), { revalidate });
