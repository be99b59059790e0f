/** The keys page's notices: the rotation reminder banner and the empty states (no keys yet / none match). */
import Link from "next/link";
import type { RotationReminder } from "../types";
import { KEYS_PATH } from "../nav";

export function RotationBanner({ rotation, canManage }: { rotation: RotationReminder; canManage: boolean }) {
  const n = rotation.dueCount;
  if (n === 0) return null;
  return (
    <div role="note" aria-label="Rotation reminder" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <strong>
        {n} key{n === 1 ? " has a secret" : "s have secrets"} older than {rotation.days} days.
      </strong>{" "}
      Changing secrets regularly limits what a leaked one can do.{" "}
      {canManage ? <>Use “Change key” on {n === 1 ? "its row" : "their rows"}: the old secret can keep working for a while.</> : "An owner or admin can change them."}{" "}
      <Link href={`${KEYS_PATH}?status=active`} className="underline">Show active keys</Link>
    </div>
  );
}

export function KeysEmpty({ filtered, canManage }: { filtered: boolean; canManage: boolean }) {
  if (filtered) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-surface p-8 text-center">
        <h2 className="font-semibold">No keys match</h2>
        <p className="mt-1 text-sm text-slate-600">
          Try another search or <Link href={KEYS_PATH} className="text-brand-700 underline">clear the filters</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-surface p-10 text-center">
      <h2 className="font-semibold">No API keys yet</h2>
      <p className="mt-1 text-sm text-slate-600">
        {canManage ? "Create a key with “New keys” to connect your first application." : "An owner or admin can create the first key."}
      </p>
    </div>
  );
}
