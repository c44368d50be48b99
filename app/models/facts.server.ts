import { getDb } from "~/db.server";
import type { FactKind, FactSort, FactStatus, FactView, Source } from "./types";

/** Columns of a FactView, from facts f joined to companies c (subject), cp (counterparty) and articles a. */
export const FACT_VIEW_SELECT = `SELECT f.id, f.article_id AS articleId, a.title AS articleTitle,
  a.published_year AS publishedYear, f.kind, c.name AS company, c.slug AS companySlug, cp.name AS counterparty,
  cp.slug AS counterpartySlug, f.market, f.year, f.period, f.low, f.high, f.unit, f.status, f.approximate,
  f.compared_year AS comparedYear, f.compared_period AS comparedPeriod, f.quote
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
}

export interface FactPage {
  facts: FactView[];
  page: number;
  pageSize: number;
  hasNext: boolean;
  /** Null when the company filter names no company at all. */
  companyName: string | null;
}

const SORT_SQL: Record<FactSort, string> = {
  year: "f.year",
  company: "c.name",
  kind: "f.kind",
  value: "(f.low + f.high) / 2",
  article: "f.article_id",
};

/** A page of facts, filtered and sorted; one row more than the page is read to know whether another follows. */
export function queryFacts(q: FactQuery): FactPage {
  const pageSize = q.pageSize ?? 50;
  const page = q.page ?? 1;
  const where: string[] = [];
  const args: Array<string | number> = [];
  let companyName: string | null = null;
  if (q.company) {
    const company = getDb().sqlite.prepare("SELECT id, name FROM companies WHERE slug = ?").get(q.company) as
      | { id: number; name: string }
      | undefined;
    if (!company) return { facts: [], page, pageSize, hasNext: false, companyName: null };
    companyName = company.name;
    where.push("(f.company_id = ? OR f.counterparty_id = ?)");
    args.push(company.id, company.id);
  }
  if (q.kind) {
    where.push("f.kind = ?");
    args.push(q.kind);
  }
  if (q.year !== undefined) {
    where.push("f.year = ?");
    args.push(q.year);
  }
  if (q.status) {
    where.push("f.status = ?");
    args.push(q.status);
  }
  const dir = q.dir === "desc" ? "DESC" : "ASC";
  const order = `${SORT_SQL[q.sort ?? "year"]} ${dir}, f.id ${dir}`;
  const rows = getDb()
    .sqlite.prepare(
      `${FACT_VIEW_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...args, pageSize + 1, (page - 1) * pageSize) as FactView[];
  return {
    facts: rows.slice(0, pageSize).map(toFactView),
    page,
    pageSize,
    hasNext: rows.length > pageSize,
    companyName,
  };
}
