/**
 * Find a key: search (name, key id, description), status and scope filters and the sort, as a GET form whose
 * values live in the URL — the server renders the result, and a filtered view can be linked. Changing a select
 * applies it at once; the search applies on Enter or "Search".
 */
"use client";

import Form from "next/form";
import Link from "next/link";
import { SCOPES, SCOPE_LABELS } from "../catalog";
import { KEY_SORTS, type KeyListQuery } from "../types";
import { KEYS_PATH } from "../nav";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const STATUSES = { all: "Any status", active: "Active", disabled: "Disabled", expired: "Expired" } as const;
const select = "min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm sm:flex-none";

export function KeyToolbar({ query, shown, total }: { query: KeyListQuery; shown: number; total: number }) {
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const filtered = query.q !== "" || query.status !== "all" || query.scope !== "all";
  return (
    <Form action={KEYS_PATH} role="search" aria-label="Find a key" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-1 basis-full gap-2 sm:basis-64">
        <label htmlFor="key-search" className="sr-only">Search keys</label>
        <input id="key-search" name="q" type="search" defaultValue={query.q} placeholder="Search name, key id or description"
          className={`${inputClass} py-1.5`} maxLength={100} autoComplete="off" />
        <Button type="submit" variant="secondary">Search</Button>
      </div>
      <label className="sr-only" htmlFor="key-status">Status</label>
      <select id="key-status" name="status" defaultValue={query.status} onChange={submit} className={select}>
        {Object.entries(STATUSES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <label className="sr-only" htmlFor="key-scope">Scope</label>
      <select id="key-scope" name="scope" defaultValue={query.scope} onChange={submit} className={select}>
        <option value="all">Any scope</option>
        {SCOPES.map((s) => <option key={s} value={s}>{SCOPE_LABELS[s]}</option>)}
      </select>
      <label className="sr-only" htmlFor="key-sort">Sort by</label>
      <select id="key-sort" name="sort" defaultValue={query.sort} onChange={submit} className={select}>
        {Object.entries(KEY_SORTS).map(([value, label]) => <option key={value} value={value}>Sort: {label}</option>)}
      </select>
      <p className="w-full text-xs text-slate-600" role="status">
        {filtered ? <>Showing {shown} of {total} keys. <Link href={KEYS_PATH} className="text-brand-700 underline">Clear filters</Link></> : null}
      </p>
    </Form>
  );
}
