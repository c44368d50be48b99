import { getDb } from "~/db.server";

export interface ArticleSummary {
  id: number;
  title: string;
  sourcePath: string;
  publishedYear: number | null;
  factCount: number;
}

export interface FactRow {
  id: number;
  articleId: number;
  kind: string;
  company: string;
  companySlug: string;
  counterparty: string | null;
  market: string | null;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  status: string;
  approximate: boolean;
  comparedYear: number | null;
  comparedPeriod: string | null;
  quote: string;
}

export function listArticles(limit = 50): ArticleSummary[] {
  return getDb()
    .sqlite.prepare(
      `SELECT a.id, a.title, a.source_path AS sourcePath, a.published_year AS publishedYear,
              (SELECT count(*) FROM facts f WHERE f.article_id = a.id) AS factCount
       FROM articles a ORDER BY a.imported_at DESC, a.id DESC LIMIT ?`,
    )
    .all(limit) as ArticleSummary[];
}

const FACT_COLUMNS = `f.id, f.article_id AS articleId, f.kind, c.name AS company, c.slug AS companySlug, cp.name AS counterparty,
  f.market, f.year, f.period, f.low, f.high, f.unit, f.status, f.approximate, f.compared_year AS comparedYear,
  f.compared_period AS comparedPeriod, f.quote`;

function toFactRow(r: FactRow): FactRow {
  return { ...r, approximate: Boolean(r.approximate) };
}

export function factsOfArticles(articleIds: number[]): FactRow[] {
  if (!articleIds.length) return [];
  return (
    getDb()
      .sqlite.prepare(
        `SELECT ${FACT_COLUMNS} FROM facts f JOIN companies c ON c.id = f.company_id
         LEFT JOIN companies cp ON cp.id = f.counterparty_id
         WHERE f.article_id IN (${articleIds.map(() => "?").join(",")}) ORDER BY f.article_id, f.start, f.id`,
      )
      .all(...articleIds) as FactRow[]
  ).map(toFactRow);
}

export interface ChangePoint {
  company: string;
  slug: string;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  status: string;
  quote: string;
  articleId: number;
}

/** Each company's most recent revenue change, for the overview's headline chart. */
export function latestRevenueChanges(limit = 20): ChangePoint[] {
  return getDb()
    .sqlite.prepare(
      `SELECT c.name AS company, c.slug, f.year, f.period, f.low, f.high, f.status, f.quote, f.article_id AS articleId
       FROM facts f JOIN companies c ON c.id = f.company_id
       WHERE f.kind = 'revenue_change' AND f.id = (
         SELECT f2.id FROM facts f2 WHERE f2.company_id = f.company_id AND f2.kind = 'revenue_change'
         ORDER BY coalesce(f2.year, 0) DESC, f2.id DESC LIMIT 1)
       ORDER BY (f.low + f.high) / 2 ASC LIMIT ?`,
    )
    .all(limit) as ChangePoint[];
}
