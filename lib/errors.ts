/** Expected failures: their message is safe to show the user. Anything else becomes "Something went wrong". */
import "server-only";

import type { FieldErrors } from "@/core/action-result";

export type { FieldErrors };

export class AppError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("Your session has ended. Sign in again.");
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}
export class NotFoundError extends AppError {
  constructor(what = "Item") {
    super(`${what} not found.`);
  }
}
export class LimitError extends AppError {}
export class ValidationError extends AppError {}
