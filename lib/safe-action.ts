import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { requireActor, type ActorContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

/**
 * Wraps a server action: authenticate → validate with the shared zod schema → run the server-only function
 * (which checks the role and scopes by account) → revalidate → one result shape. Expected errors carry their
 * message; anything else is logged by name only (no values, so nothing secret) and answered generically.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, ctx: ActorContext) => Promise<T>,
  options: { revalidate?: string } = {},
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const ctx = await requireActor();
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: "Please correct the highlighted fields.",
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        };
      }
      const data = await run(parsed.data, ctx);
      if (options.revalidate) revalidatePath(options.revalidate);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error(`[action] unexpected ${error instanceof Error ? error.name : typeof error}`);
      return { ok: false, error: "Something went wrong. Please try again." };
    }
  };
}
