/**
 * pglite-prisma-adapter 0.6 hands Prisma every database error as `{ kind: "postgres", code }`, which Prisma 6.19
 * does not map: on PGlite a unique violation is not P2002 (it is on PostgreSQL, whose adapter names the error).
 * This wrapper renames the constraint errors the way @prisma/adapter-pg does (23505 unique, 23503 foreign key,
 * 23502 not null), for the adapter and for every transaction it starts.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

type PgCause = { kind: "postgres"; code: string; message?: string; detail?: string; column?: string; constraint?: string };

class DriverAdapterError extends Error {
  // Prisma recognises driver errors by name and cause (isDriverAdapterError), not by class.
  override name = "DriverAdapterError";
  constructor(readonly cause: Record<string, unknown>) {
    super(typeof cause.originalMessage === "string" ? cause.originalMessage : String(cause.kind));
  }
}

function keyFields(detail: string | undefined): { fields: string[] } | undefined {
  const fields = detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(", ");
  return fields ? { fields } : undefined;
}

export function renameConstraintError(cause: PgCause): Record<string, unknown> | null {
  const base = { originalCode: cause.code, originalMessage: cause.message ?? "" };
  switch (cause.code) {
    case "23505":
      return { ...base, kind: "UniqueConstraintViolation", constraint: keyFields(cause.detail) };
    case "23502":
      return { ...base, kind: "NullConstraintViolation", constraint: cause.column ? { fields: [cause.column] } : keyFields(cause.detail) };
    case "23503": {
      // PGlite's error carries no constraint field; its name is in the message.
      const index = cause.constraint ?? cause.message?.match(/constraint "([^"]+)"/)?.[1];
      return { ...base, kind: "ForeignKeyConstraintViolation", constraint: cause.column ? { fields: [cause.column] } : index ? { index } : undefined };
    }
    default:
      return null;
  }
}

function rethrow(error: unknown): never {
  const cause = (error as { name?: string; cause?: PgCause }).cause;
  if ((error as { name?: string }).name === "DriverAdapterError" && cause?.kind === "postgres") {
    const renamed = renameConstraintError(cause);
    if (renamed) throw new DriverAdapterError(renamed);
  }
  throw error;
}

const WRAP_RESULT = new Set(["connect", "connectToShadowDb", "startTransaction"]);

function guard<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        } catch (e) {
          rethrow(e);
        }
        const wrap = (v: unknown) => (WRAP_RESULT.has(String(prop)) && v && typeof v === "object" ? guard(v) : v);
        return result instanceof Promise ? result.then(wrap, rethrow) : wrap(result);
      };
    },
  });
}

export function withConstraintErrors(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return guard(factory);
}
