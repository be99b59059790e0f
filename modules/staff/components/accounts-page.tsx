/** Staff › Accounts: find an account by name or number ("m1234"). */
import { requireStaff } from "@/lib/auth/staff";
import { inputClass } from "@/components/ui/field";
import { searchAccounts } from "../data/accounts";
import { accountSearchSchema } from "../schema";

export async function AccountsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const staff = await requireStaff();
  const raw = (await searchParams).q;
  const q = accountSearchSchema.catch("").parse(Array.isArray(raw) ? raw[0] : (raw ?? ""));
  const accounts = await searchAccounts(staff, q);
  return (
    <section aria-labelledby="accounts-title" className="space-y-4">
      <h1 id="accounts-title" className="text-2xl font-semibold">Accounts</h1>
      <form method="get" role="search" aria-label="Find an account" className="flex max-w-md gap-2">
        <label htmlFor="account-q" className="sr-only">Name or number</label>
        <input id="account-q" name="q" defaultValue={q} placeholder="Name or number, e.g. m1001" className={inputClass} />
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white">Search</button>
      </form>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              {["Number", "Name", "Kind", "Parent", "Members", "Keys", "Subaccounts", "Open requests"].map((h) => <th key={h} scope="col" className="px-3 py-3">{h}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {accounts.map((a) => (
              <tr key={a.id}>
                <td className="px-3 py-2 font-mono text-xs">{a.number}</td>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {a.name}
                  {a.deleted ? <span className="ml-2 text-xs font-normal text-slate-600">(deleted)</span> : a.status === "suspended" ? <span className="ml-2 text-xs font-normal text-amber-800">(suspended)</span> : null}
                </th>
                <td className="px-3 py-2">{a.kind}</td>
                <td className="px-3 py-2">{a.parent ? <>{a.parent.name} <span className="font-mono text-xs">{a.parent.number}</span></> : "—"}</td>
                <td className="px-3 py-2 tabular-nums">{a.members}</td>
                <td className="px-3 py-2 tabular-nums">{a.keysUsed}</td>
                <td className="px-3 py-2 tabular-nums">{a.subaccounts}</td>
                <td className="px-3 py-2 tabular-nums">{a.openRequests}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {accounts.length === 0 ? <p className="text-sm text-slate-700">No account matches “{q}”.</p> : null}
    </section>
  );
}
