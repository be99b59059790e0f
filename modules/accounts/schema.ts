/** The account switcher's one input. */
import { z } from "zod";

export const switchAccountSchema = z.object({ accountId: z.string().trim().min(1, "Choose an account").max(64, "Unknown account") }).strict();
