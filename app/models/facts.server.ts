import { getSql } from "~/db.server";
import { type Dialect, joinInOrder, nullsAsSqlite, unindexed } from "../../db/dialect";
import { segmentOf } from "../../db/segments";
import type { FactKind, FactSort, FactStatus, FactView, Source } from "./types";

/**
 * A fact's checked state (CheckedState: confirmed, corrected or added by a person, else null), as a column of a
 * query over facts `f`; fact_reviews_fact_idx finds its review.
 */
export const CHECKED_SQL = `(SELECT r.state FROM fact_reviews r WHERE r.fact_id = f.id
  AND r.state IN ('confirmed', 'corrected', 'added')) AS checked`;

/** Columns of a FactView, from facts f joined to companies c (subject), cp (counterparty) and articles a. */
export const FACT_VIEW_SELECT = `SELECT f.id, f.article_id AS "articleId", a.title AS "articleTitle",
  a.published_year AS "publishedYear", f.kind, c.name AS company, c.slug AS "companySlug", cp.name AS counterparty,
  cp.slug AS "counterpartySlug", f.market, f.year, f.period, f.low, f.high, f.unit, f.status, f.approximate,
  f.compared_year AS "comparedYear", f.compared_period AS "comparedPeriod", f.quote, ${CHECKED_SQL},
  ${segmentOf("f")} AS segment
  FROM facts f JOIN companies c ON c.id = f.company_id LEFT JOIN companies cp ON cp.id = f.counterparty_id
  JOIN articles a ON a.id = f.article_id`;

export function toFactView(row: FactView): FactView {
  return { ...row, approximate: Boolean(row.approximate) };
}

export const sourceOf = (f: FactView): Source => ({
  factId: f.id,
  articleId: f.articleId,
  articleTitle: f.articleTitle,
  publishedYear: f.publishedYear,
  quote: f.quote,
  checked: f.checked ?? null,
});

export interface FactQuery {
  kind?: FactKind;
  company?: string;
  year?: number;
  status?: FactStatus;
  sort?: FactSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
  /** The last page that may be asked for; the page then offers no next one (`capped` says more facts follow). */
  lastPage?: number;
}

export interface FactPage {
  facts: FactView[];
  page: number;
  pageSize: number;
  hasNext: boolean;
  /** True on the last page allowed when more facts follow it. */
  capped: boolean;
  /** Null when the company filter names no company at all. */
  companyName: string | null;
}

/**
 * Pages of the facts table that can be asked for in any one order: 200 pages of 50, the first 10,000 facts. A page
 * costs what precedes it (OFFSET), so the depth is bounded; the rest is reached by reversing the order or by
 * filtering (docs/decisions/013).
 */
export const FACT_PAGES = 200;

/**
 * Each sort's ORDER BY terms; the fact's id follows, so the order is total. Each matches an index exactly (the
 * expression of facts_value_idx and facts_kind_value_idx included), so a page reads only its rows and those before
 * it, never sorting the table (tests/app/factsPlan.test.ts checks every plan).
 */
const SORT_SQL: Record<FactSort, string[]> = {
  year: ["f.year"],
  company: ["c.name"],
  kind: ["f.kind", "(f.low + f.high) / 2"],
  value: ["(f.low + f.high) / 2"],
  article: ["f.article_id"],
};

/**
 * The ids of one page of facts, in order, as SQL and its arguments (exported for the plan test). Only ids are read
 * here, from indexes where possible; the rows are fetched afterwards for those ids alone, so the rows skipped by
 * OFFSET cost no joins.
 *
 * Filters on kind, year and status match a fifth, a sixteenth or a third of all facts: were they allowed an index,
 * SQLite would pick it and sort every fact that matches (200,000 for one kind). Written `+f.kind` they cannot, so
 * the sort's index is read in order and the filter checked on the way. They keep their index only where it also
 * gives the order (a year sorted by year; a kind sorted by kind or value). A company is selective (its few
 * thousand facts at most) and keeps its index.
 */
export function factPageSql(
  q: FactQuery,
  companyId?: number,
  dialect: Dialect = "sqlite",
): { sql: string; args: Array<string | number> } {
  const sort = q.sort ?? "year";
  const pageSize = q.pageSize ?? 50;
  const page = q.page ?? 1;
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (companyId !== undefined) {
    where.push("(f.company_id = ? OR f.counterparty_id = ?)");
    args.push(companyId, companyId);
  }
  const indexed = (ordered: boolean, column: string) => (ordered ? column : unindexed(dialect, column));
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
  // Sorted by company name: the companies in name order drive the join (each company's facts then sorted by id,
  // a few thousand at most), unless one company is asked for, whose facts are few.
  const from =
    sort !== "company"
      ? "facts f"
      : companyId !== undefined
        ? "facts f JOIN companies c ON c.id = f.company_id"
        : `companies c ${joinInOrder(dialect)} facts f ON f.company_id = c.id`;
  const dir = q.dir === "desc" ? "DESC" : "ASC";
  // Only the year may be null; a nulls clause on a column that never is would stop PostgreSQL reading the index.
  const nulls = (term: string) => (term === "f.year" ? nullsAsSqlite(dialect, dir) : "");
  const order = [...SORT_SQL[sort], "f.id"].map((term) => `${term} ${dir}${nulls(term)}`).join(", ");
  return {
    sql: `SELECT f.id FROM ${from} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order} LIMIT ? OFFSET ?`,
    args: [...args, pageSize + 1, (page - 1) * pageSize],
  };
}

/** A page of facts, filtered and sorted; one row more than the page is read to know whether another follows. */
export async function queryFacts(q: FactQuery): Promise<FactPage> {
  const pageSize = q.pageSize ?? 50;
  const page = q.page ?? 1;
  const db = await getSql();
  let companyName: string | null = null;
  let companyId: number | undefined;
  if (q.company) {
    const company = await db.get<{ id: number; name: string }>("SELECT id, name FROM companies WHERE slug = ?", [
      q.company,
    ]);
    if (!company) return { facts: [], page, pageSize, hasNext: false, capped: false, companyName: null };
    companyName = company.name;
    companyId = company.id;
  }
  const { sql, args } = factPageSql(q, companyId, db.dialect);
  const ids = (await db.all<{ id: number }>(sql, args)).map((row) => row.id);
  const more = ids.length > pageSize;
  const shown = ids.slice(0, pageSize);
  const rows = shown.length
    ? await db.all<FactView>(`${FACT_VIEW_SELECT} WHERE f.id IN (${shown.map(() => "?").join(",")})`, shown)
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const capped = more && q.lastPage !== undefined && page >= q.lastPage;
  return {
    facts: shown.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toFactView(row)] : [];
    }),
    page,
    pageSize,
    hasNext: more && !capped,
    capped,
    companyName,
  };
}
