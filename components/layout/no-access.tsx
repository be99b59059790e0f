/** What a role that may not see a page gets instead of it. */
export function NoAccess({ what }: { what: string }) {
  return (
    <section aria-labelledby="no-access-title" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 id="no-access-title" className="text-lg font-semibold text-amber-900">
        No access
      </h1>
      <p className="mt-1 text-sm text-amber-900">
        Your role in this account does not allow you to see {what}. Ask an owner or admin of the account for access.
      </p>
    </section>
  );
}
