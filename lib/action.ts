/**
 * The one action wrapper. `defineAction`: authenticate → validate with the form's zod schema → run the
 * server-only function (which checks the role and scopes by account) → revalidate → one result shape.
 * `definePublicAction` is the same without a session (sign-in and other public forms); `defineStaffAction` for
 * the staff console (anyone else gets a 404). Expected errors carry
 * their message and field errors; anything else is logged by name only (no values, so nothing secret) and
 * answered generically.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/core/action-result";
import { requireActor, type ActorContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { requireStaff, type StaffContext } from "@/lib/auth/staff";

type Options = { revalidate?: string };

const INVALID = "Please correct the highlighted fields.";

async function runAction<S extends z.ZodType, T, C>(
  schema: S,
  input: unknown,
  authenticate: () => Promise<C>,
  run: (input: z.output<S>, ctx: C) => Promise<T>,
  options: Options,
): Promise<ActionResult<T>> {
  try {
    const ctx = await authenticate();
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: INVALID, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    const data = await run(parsed.data, ctx);
    if (options.revalidate) revalidatePath(options.revalidate);
    return { ok: true, data };
  } catch (error) {
    unstable_rethrow(error); // Next's redirect()/notFound() are control flow, not failures
    if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    console.error(`[action] unexpected ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, error: "Something went wrong. Please try again." };
  }
}

export function defineAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, ctx: ActorContext) => Promise<T>,
  options: Options = {},
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> =>
    runAction(schema, input, requireActor, run, options);
}

/** For forms used without a session (sign-in): no actor, the same validation and result shape. */
export function definePublicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>, options: Options = {}) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => runAction(schema, input, async () => null, (parsed) => run(parsed), options);
}

/** For the staff console: a staff member, or Next's 404 for anyone else (requireStaff), then the same steps. */
export function defineStaffAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>, staff: StaffContext) => Promise<T>, options: Options = {}) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => runAction(schema, input, requireStaff, run, options);
}
