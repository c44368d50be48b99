import { type Dialect, indexedBy, joinInOrder, nullsAsSqlite, unindexed } from "../../db/dialect";
import type { SqlValue } from "../../db/sql";
import { FACT_KINDS, type FactKind, type FactSort, type FactStatus, STATUSES } from "./types";

/**
 * The SQL of a page of the facts table (docs/decisions/013 and 027): which index a page is read from, and how a
 * page that follows a known fact starts right after it (keyset), so the 200th page costs what the first does.
 */
export interface FactFilters {
  kind?: FactKind;
  year?: number;
  status?: FactStatus;
  sort?: FactSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

/**
 * How a page is read.
 * - `order`: the sort's own index in order, each filter checked on the way (decision 013). Cheap when many facts
 *   match: a page of 50 is found in 50 / (the share that matches) index rows.
 * - `filter`: the facts that match, from facts_filter_idx (which holds every order's key), then sorted. Cheap when
 *   few match, whatever the order; chosen when at most FILTER_PLAN_MAX facts do (decision 027).
 */
export type FactPlan = "order" | "filter";

/** The most matching facts the `filter` plan sorts; past it the `order` plan reads at most 50 × 1 in 1/share rows. */
export const FILTER_PLAN_MAX = 10_000;

/**
 * Each sort's ORDER BY terms; the fact's id follows, so the order is total. Each matches an index exactly (the
 * expression of facts_value_idx and facts_kind_value_idx included), so a page reads only its rows and those before
 * it, never sorting the table (tests/app/factsPlan.test.ts checks every plan). Only the year may be null.
 */
export const SORT_SQL: Record<FactSort, string[]> = {
  year: ["f.year"],
  company: ["c.name"],
  kind: ["f.kind", "(f.low + f.high) / 2"],
  value: ["(f.low + f.high) / 2"],
  article: ["f.article_id"],
};

/** The sort terms' values of one fact, and its id: where a page starts after (or ends before) it. */
export interface Boundary {
  id: number;
  values: SqlValue[];
}

/** The SQL reading the sort terms' values of the fact `?` (a Boundary's values, in SORT_SQL's order). */
export function boundarySql(sort: FactSort): string {
  const terms = SORT_SQL[sort].map((term, i) => `${term} AS v${i}`).join(", ");
  return `SELECT ${terms} FROM facts f JOIN companies c ON c.id = f.company_id WHERE f.id = ?`;
}

/** The filters' WHERE terms for the `order` plan: unindexed unless their index also gives the order (decision 013). */
function orderFilters(
  q: FactFilters,
  sort: FactSort,
  companyId: number | undefined,
  dialect: Dialect,
  where: string[],
  args: SqlValue[],
): void {
  // With a company given, its own index finds its few thousand facts; no other filter may take an index from it.
  const indexed = (ordered: boolean, column: string) =>
    ordered && companyId === undefined ? column : unindexed(dialect, column);
  if (q.kind) {
    where.push(`${indexed(sort === "kind" || sort === "value", "f.kind")} = ?`);
    args.push(q.kind);
  }
  if (q.year !== undefined) {
    where.push(`${indexed(sort === "year", "f.year")} = ?`);
    args.push(q.year);
  }
  if (q.status) {
    where.push(`${unindexed(dialect, "f.status")} = ?`);
    args.push(q.status);
  }
}

/**
 * The filters' WHERE terms for facts_filter_idx (kind, status, year, ...): a column left free before one that is
 * given is listed whole (`f.kind IN (every kind)`), so the index is searched in a few places rather than scanned.
 */
function indexFilters(q: FactFilters, where: string[], args: SqlValue[]): void {
  const list = (column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map(() => "?").join(", ")})`);
    args.push(...values);
  };
  if (q.kind) {
    where.push("f.kind = ?");
    args.push(q.kind);
  } else if (q.status || q.year !== undefined) list("f.kind", FACT_KINDS);
  if (q.status) {
    where.push("f.status = ?");
    args.push(q.status);
  } else if (q.year !== undefined) list("f.status", STATUSES);
  if (q.year !== undefined) {
    where.push("f.year = ?");
    args.push(q.year);
  }
}

/** The SQL counting the facts that match the filters, up to `FILTER_PLAN_MAX + 1`, from facts_filter_idx. */
export function filterCountSql(q: FactFilters, dialect: Dialect): { sql: string; args: SqlValue[] } {
  const where: string[] = [];
  const args: SqlValue[] = [];
  indexFilters(q, where, args);
  return {
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM facts f ${indexedBy(dialect, "facts_filter_idx")} WHERE ${where.join(" AND ")} LIMIT ?) m`,
    args: [...args, FILTER_PLAN_MAX + 1],
  };
}

/**
 * The parts of an order after a boundary, each a WHERE term with how many leading sort terms it fixes: first the
 * facts tied with the boundary on every term and past its id, then those tied on fewer terms and past it on the
 * next. Read one after the other, each in its index's order, they continue the order exactly where the boundary
 * left it; a single OR of them would make the database sort. The year alone may be null: nulls come first
 * ascending and last descending, as SQLite orders them (and db/dialect.ts makes PostgreSQL do).
 */
function partsAfter(
  sortTerms: string[],
  from: Boundary,
  dir: "ASC" | "DESC",
  wrap: (term: string) => string,
): Array<{ where: string; args: SqlValue[]; fixed: number }> {
  const cmp = dir === "ASC" ? ">" : "<";
  const terms = sortTerms.map(wrap);
  const id = wrap("f.id");
  const equal = (n: number) =>
    terms.slice(0, n).map((term, i) => (from.values[i] === null ? `${term} IS NULL` : `${term} = ?`));
  const equalArgs = (n: number) => from.values.slice(0, n).filter((v) => v !== null);
  const parts = [
    { where: [...equal(terms.length), `${id} ${cmp} ?`], args: [...equalArgs(terms.length), from.id] },
  ].map((p) => ({ ...p, fixed: terms.length }));
  for (let i = terms.length - 1; i >= 0; i--) {
    const value = from.values[i];
    const term = terms[i];
    const nullable = sortTerms[i] === "f.year";
    if (value === null) {
      // Past a null year: ascending, every year that is not null; descending, nothing.
      if (dir === "ASC") parts.push({ where: [...equal(i), `${term} IS NOT NULL`], args: equalArgs(i), fixed: i });
      continue;
    }
    parts.push({ where: [...equal(i), `${term} ${cmp} ?`], args: [...equalArgs(i), value], fixed: i });
    if (nullable && dir === "DESC")
      parts.push({ where: [...equal(i), `${term} IS NULL`], args: equalArgs(i), fixed: i + 1 });
  }
  return parts.map((p) => ({ where: p.where.join(" AND "), args: p.args, fixed: p.fixed }));
}

export interface PageSql {
  sql: string;
  /** The arguments; the caller adds the LIMIT's (and, for a page without a boundary, the OFFSET's). */
  args: SqlValue[];
}

/**
 * The queries for the ids of one page of facts, in order (exported for the plan test). Only ids are read, from
 * indexes where possible; the rows are fetched afterwards for those ids alone.
 *
 * Without a boundary: one query, `LIMIT ? OFFSET ?`, a page costing the rows before it. With one (`after`, the
 * fact just before the page; `backwards`: the page ends before that fact, read in the reverse order): one query
 * per part of the order after it (partsAfter), each `LIMIT ?`, run in turn until the page is full.
 *
 * The `order` plan's filters on kind, year and status match a fifth, a sixteenth or a third of all facts: were
 * they allowed an index, SQLite would pick it and sort every fact that matches. Written `+f.kind` they cannot, so
 * the sort's index is read in order and the filter checked on the way. A company is selective (its few thousand
 * facts at most) and keeps its index.
 */
export function factPageSql(
  q: FactFilters,
  companyId?: number,
  dialect: Dialect = "sqlite",
  options: { plan?: FactPlan; after?: Boundary; backwards?: boolean } = {},
): PageSql[] {
  const sort = q.sort ?? "year";
  const filtered = Boolean(q.kind || q.status || q.year !== undefined);
  const plan = companyId === undefined && filtered ? (options.plan ?? "order") : "order";
  const where: string[] = [];
  const args: SqlValue[] = [];
  if (companyId !== undefined) {
    where.push("(f.company_id = ? OR f.counterparty_id = ?)");
    args.push(companyId, companyId);
  }
  if (plan === "filter") indexFilters(q, where, args);
  else orderFilters(q, sort, companyId, dialect, where, args);
  // Sorted by company name: the companies in name order drive the join (each company's facts then sorted by id,
  // a few thousand at most), unless one company is asked for, whose facts are few, or few facts match.
  const from =
    plan === "filter"
      ? `facts f ${indexedBy(dialect, "facts_filter_idx")}${sort === "company" ? ` ${joinInOrder(dialect)} companies c ON c.id = f.company_id` : ""}`
      : sort !== "company"
        ? "facts f"
        : companyId !== undefined
          ? "facts f JOIN companies c ON c.id = f.company_id"
          : `companies c ${joinInOrder(dialect)} facts f ON f.company_id = c.id`;
  const asked = q.dir === "desc" ? "DESC" : "ASC";
  const dir = options.backwards ? (asked === "ASC" ? "DESC" : "ASC") : asked;
  // Only the year may be null; a nulls clause on a column that never is would stop PostgreSQL reading the index.
  const nulls = (term: string) => (term === "f.year" ? nullsAsSqlite(dialect, dir) : "");
  const orderBy = (terms: string[]) => [...terms, "f.id"].map((term) => `${term} ${dir}${nulls(term)}`).join(", ");
  const select = (conditions: string[], terms: string[]) =>
    `SELECT f.id FROM ${from} ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY ${orderBy(terms)}`;
  const terms = SORT_SQL[sort];
  if (!options.after) return [{ sql: `${select(where, terms)} LIMIT ? OFFSET ?`, args }];
  // One company's facts come from its own index; the boundary's terms must not lure SQLite to the order's.
  const wrap = (term: string) => (companyId === undefined ? term : unindexed(dialect, term));
  return partsAfter(terms, options.after, dir, wrap).map((part) => ({
    // The terms a part holds equal are left out of its ORDER BY, which SQLite would otherwise sort again.
    sql: `${select([...where, part.where], terms.slice(part.fixed))} LIMIT ?`,
    args: [...args, ...part.args],
  }));
}
