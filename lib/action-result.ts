import type { FieldErrors } from "@/lib/errors";

/** The one shape every server action returns. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };
