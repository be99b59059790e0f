/** The one shape every server action returns; client and server code share it (types only). */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };
