import type { Sql } from "../../db/sql";

/**
 * What a database holds, without row ids (they differ between backends and between orders of import: decision
 * 020): each article by its content hash, path, title, publication year and text, and each fact by its article's
 * hash, its company's and counterparty's names and every value it was stored with. Sorted, so that two
 * databases that hold the same articles and facts give equal lists whichever order they were written in.
 */
export interface StoredContent {
  articles: string[];
  facts: string[];
}

const ARTICLES = `SELECT sha256, source_path AS path, title, published_year AS year,
    published_year_source AS "yearSource", cleaned_text AS text
  FROM articles`;

const FACTS = `SELECT a.sha256, f.kind, c.name AS company, cp.name AS counterparty, f.market, f.year, f.period,
    f.low, f.high, f.unit, f.status, f.approximate, f.compared_year AS "comparedYear",
    f.compared_period AS "comparedPeriod", f.quote, f.start, f."end", f.figure_start AS "figureStart",
    f.figure_end AS "figureEnd", f.stated, s.segment
  FROM facts f JOIN articles a ON a.id = f.article_id JOIN companies c ON c.id = f.company_id
  LEFT JOIN companies cp ON cp.id = f.counterparty_id LEFT JOIN fact_segments s ON s.fact_id = f.id`;

/**
 * `samePath` names one path for files of equal bytes: only the first of them imported is stored, and which one
 * is first depends on the order the jobs ran in, so it is no part of what two imports must agree on.
 */
export async function storedContent(sql: Sql, samePath: (path: string) => string = (p) => p): Promise<StoredContent> {
  const articles = (await sql.all<Record<string, unknown>>(ARTICLES)).map((r) =>
    JSON.stringify({ ...r, path: samePath(String(r.path)) }),
  );
  const facts = (await sql.all<Record<string, unknown>>(FACTS)).map((r) =>
    // SQLite gives its flag as 0 or 1, PostgreSQL as a boolean.
    JSON.stringify({ ...r, approximate: Boolean(r.approximate) }),
  );
  return { articles: articles.sort(), facts: facts.sort() };
}
