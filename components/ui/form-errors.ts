/** Maps an action's `{ ok: false, error, fieldErrors }` onto react-hook-form: each field's message, then the form's. */
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/core/action-result";

export function applyActionErrors<V extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<V>): void {
  if (result.ok) return;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (messages?.[0]) setError(field as Path<V>, { message: messages.join("\n") });
  }
  setError("root" as Path<V>, { message: result.error });
}
