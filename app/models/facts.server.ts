import { getSql, untilDataChanges } from "~/db.server";
import { segmentOf } from "../../db/segments";
import type { Sql, SqlValue } from "../../db/sql";
import {
  type Boundary,
  boundarySql,
  type FactFilters,
  type FactPlan,
  FILTER_PLAN_MAX,
  factPageSql,
  filterCountSql,
  SORT_SQL,
} from "./factPageSql.server";
import { notePageEnd, pageStart } from "./factPageStarts.server";
import type { FactSort, FactView, Source } from "./types";

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

export interface FactQuery extends FactFilters {
  company?: string;
  /** The page starts after this fact (the last of the page before, in this order): read from it, not counted. */
  after?: number;
  /** The page ends before this fact (the first of the page after it): the Previous link. */
  before?: number;
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
 * Pages of the facts table that can be asked for in any one order: 200 pages of 50, the first 10,000 facts. The
 * page's links name the fact a page starts after, so each page costs what the first does; a page asked for by its
 * number alone costs what precedes it (OFFSET), so the depth is bounded; the rest is reached by reversing the
 * order or by filtering (docs/decisions/013, 027).
 */
export const FACT_PAGES = 200;

export { factPageSql } from "./factPageSql.server";

/** `filter` when few enough facts match the filters for facts_filter_idx to serve them sorted (decision 027). */
async function planFor(db: Sql, q: FactQuery, companyId: number | undefined): Promise<FactPlan> {
  if (companyId !== undefined || !(q.kind || q.status || q.year !== undefined)) return "order";
  const key = `facts.matching:${q.kind ?? ""}:${q.status ?? ""}:${q.year ?? ""}`;
  const n = await untilDataChanges(key, async () => {
    const { sql, args } = filterCountSql(q, db.dialect);
    return (await db.get<{ n: number }>(sql, args))?.n ?? 0;
  });
  return n <= FILTER_PLAN_MAX ? "filter" : "order";
}

/** Where the fact `id` stands in the order `sort`, or null when it is gone (the page is then found by number). */
async function boundaryOf(db: Sql, sort: FactSort, id: number): Promise<Boundary | null> {
  const row = await db.get<Record<string, SqlValue>>(boundarySql(sort), [id]);
  return row ? { id, values: SORT_SQL[sort].map((_, i) => row[`v${i}`] ?? null) } : null;
}

/** The ids of up to `limit` facts in order, after `from` (or from the start, past `offset` facts). */
async function pageIds(
  db: Sql,
  q: FactQuery,
  companyId: number | undefined,
  plan: FactPlan,
  limit: number,
  at: { offset: number } | { from: Boundary; backwards: boolean },
): Promise<number[]> {
  if ("offset" in at) {
    const [{ sql, args }] = factPageSql(q, companyId, db.dialect, { plan });
    return (await db.all<{ id: number }>(sql, [...args, limit, at.offset])).map((row) => row.id);
  }
  const ids: number[] = [];
  for (const { sql, args } of factPageSql(q, companyId, db.dialect, {
    plan,
    after: at.from,
    backwards: at.backwards,
  })) {
    const rows = await db.all<{ id: number }>(sql, [...args, limit - ids.length]);
    ids.push(...rows.map((row) => row.id));
    if (ids.length >= limit) break;
  }
  return ids;
}

/**
 * The most rows an OFFSET may count on the event loop: an unfiltered order's index, 200 pages of 50 (decision 013).
 * A page asked for by its number alone deeper than that, or in a filtered order read from the order's index
 * (which counts the rows before it divided by the share that matches, up to a second on a million facts), has its
 * start found by a walk instead (factPageStarts.server.ts, docs/decisions/036).
 */
const OFFSET_ROWS_MAX = FACT_PAGES * 50;

/** Whether page `page` asked for by number alone would count more rows than OFFSET_ROWS_MAX before it. */
function countsItsDepth(q: FactQuery, companyId: number | undefined, plan: FactPlan, offset: number): boolean {
  // A company's facts are a few thousand at most, from its own index; few matching facts (the filter plan) are
  // read whole and sorted: both are bounded whatever the page.
  if (companyId !== undefined || plan === "filter") return false;
  return Boolean(q.kind || q.status || q.year !== undefined) || offset > OFFSET_ROWS_MAX;
}

/** How the order of `q` is named among walks: everything its pages depend on. */
const walkKey = (q: FactQuery, companyId: number | undefined, plan: FactPlan, pageSize: number) =>
  JSON.stringify([
    q.kind ?? null,
    q.year ?? null,
    q.status ?? null,
    companyId ?? null,
    q.sort ?? "year",
    q.dir ?? "asc",
    plan,
    pageSize,
  ]);

/**
 * A page of facts, filtered and sorted; one row more than the page is read to know whether another follows.
 * `plan` overrides the choice of how the page is read, `seek` how a page asked for by number alone is found
 * (the tests check both give the same rows).
 */
export async function queryFacts(
  q: FactQuery,
  options: { plan?: FactPlan; seek?: "offset" | "walk" } = {},
): Promise<FactPage> {
  const pageSize = q.pageSize ?? 50;
  let page = q.page ?? 1;
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
  const sort = q.sort ?? "year";
  const plan = options.plan ?? (await planFor(db, q, companyId));
  const cursor = q.after ?? q.before;
  let from = cursor !== undefined && page > 1 ? await boundaryOf(db, sort, cursor) : null;
  const backwards = from !== null && q.before !== undefined;
  // A page asked for by its number alone (or whose cursor names a fact that is gone) that an OFFSET would reach
  // by counting too many rows starts after the last fact of the page before, which a walk finds (and keeps).
  const key = walkKey(q, companyId, plan, pageSize);
  let walked = false;
  const seek = options.seek ?? (countsItsDepth(q, companyId, plan, (page - 1) * pageSize) ? "walk" : "offset");
  if (!from && page > 1 && seek === "walk") {
    const step = async (after: number | null, count: number) => {
      if (after === null) return pageIds(db, q, companyId, plan, count, { offset: 0 });
      const boundary = await boundaryOf(db, sort, after);
      return boundary && pageIds(db, q, companyId, plan, count, { from: boundary, backwards: false });
    };
    const start = await pageStart(key, page, pageSize, step);
    if (start === "end") return { facts: [], page, pageSize, hasNext: false, capped: false, companyName };
    if (start !== "gone") {
      from = await boundaryOf(db, sort, start);
      walked = from !== null;
    }
  }
  let ids: number[];
  let more: boolean;
  if (from && backwards) {
    // The page before a fact, read backwards from it; near the start there may be less than a page before it,
    // and the page shown is then the first.
    const back = await pageIds(db, q, companyId, plan, pageSize + 1, { from, backwards: true });
    if (back.length > pageSize) {
      ids = back.slice(0, pageSize).reverse();
      more = true;
    } else {
      page = 1;
      ids = await pageIds(db, q, companyId, plan, pageSize + 1, { offset: 0 });
      more = ids.length > pageSize;
    }
  } else {
    const found = from
      ? await pageIds(db, q, companyId, plan, pageSize + 1, { from, backwards: false })
      : await pageIds(db, q, companyId, plan, pageSize + 1, { offset: (page - 1) * pageSize });
    more = found.length > pageSize;
    ids = found.slice(0, pageSize);
    // This page's start was the walk's (or the order's own): where the next one starts is known now too.
    if ((walked || (page === 1 && !from)) && ids.length === pageSize) notePageEnd(key, page, ids[pageSize - 1]);
  }
  const rows = ids.length
    ? await db.all<FactView>(`${FACT_VIEW_SELECT} WHERE f.id IN (${ids.map(() => "?").join(",")})`, ids)
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const capped = more && q.lastPage !== undefined && page >= q.lastPage;
  return {
    facts: ids.flatMap((id) => {
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
