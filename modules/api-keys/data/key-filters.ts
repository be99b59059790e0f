/**
 * The keys page's search, filters and sort as SQL for the key list: every value travels as a parameter, the sort
 * comes from a fixed table. Status follows keyStatus(): disabled wins over expired.
 */
import "server-only";
import type { KeyListQuery, KeySort } from "../types";

const ORDER: Record<KeySort, string> = {
  created: `k."createdAt" DESC, k."id" DESC`,
  name: `lower(k."name") ASC, k."id" ASC`,
  lastUsed: `k."lastUsedAt" DESC NULLS LAST, k."createdAt" DESC, k."id" DESC`,
};

/** `%term%` for ILIKE with the pattern characters taken literally. */
const contains = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * WHERE conditions (beyond the account) and ORDER BY for `query`; `params` already holds the statement's first
 * parameters, and the returned ones follow them. `now` decides "expired" as keyStatus does.
 */
export function keyListClauses(query: KeyListQuery, params: unknown[], now: Date): { where: string; orderBy: string; params: unknown[] } {
  const out = [...params];
  const add = (value: unknown) => `$${out.push(value)}`;
  const where: string[] = [];
  if (query.q) {
    const p = add(contains(query.q));
    where.push(`(k."name" ILIKE ${p} OR k."keyId" ILIKE ${p} OR k."description" ILIKE ${p})`);
  }
  if (query.status !== "all") {
    const expired = () => `(k."expiresAt" IS NOT NULL AND k."expiresAt" <= ${add(now.toISOString())}::timestamp)`;
    where.push(query.status === "disabled" ? `NOT k."enabled"` : query.status === "expired" ? `k."enabled" AND ${expired()}` : `k."enabled" AND NOT ${expired()}`);
  }
  if (query.scope !== "all") where.push(`${add(query.scope)} = ANY(k."scopes")`);
  return { where: where.map((w) => ` AND ${w}`).join(""), orderBy: ORDER[query.sort], params: out };
}
