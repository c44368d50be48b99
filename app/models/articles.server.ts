import { getSql } from "~/db.server";
import { highlightSegments, type Segment } from "~/utils/highlight";
import { FACT_VIEW_SELECT, toFactView } from "./facts.server";
import type { FactView } from "./types";

// Articles never carry their file's path to a page: it is the server's business, not the reader's.
export interface ArticleSummary {
  id: number;
  title: string;
  publishedYear: number | null;
  factCount: number;
}

export async function recentArticles(limit = 10): Promise<ArticleSummary[]> {
  const sql = await getSql();
  return sql.all<ArticleSummary>(
    `SELECT a.id, a.title, a.published_year AS "publishedYear",
            (SELECT count(*) FROM facts f WHERE f.article_id = a.id) AS "factCount"
     FROM articles a ORDER BY a.id DESC LIMIT ?`,
    [limit],
  );
}

export interface ArticleView {
  id: number;
  title: string;
  publishedYear: number | null;
  publishedYearSource: string | null;
  segments: Segment[];
  facts: FactView[];
}

/** An article's cleaned text cut into marked sentences and figures, with its facts in reading order. */
export async function getArticle(id: number): Promise<ArticleView | null> {
  const sql = await getSql();
  const article = await sql.get<Omit<ArticleView, "segments" | "facts"> & { cleanedText: string }>(
    `SELECT id, title, published_year AS "publishedYear",
            published_year_source AS "publishedYearSource", cleaned_text AS "cleanedText" FROM articles WHERE id = ?`,
    [id],
  );
  if (!article) return null;
  const rows = await sql.all<{
    id: number;
    start: number;
    end: number;
    figureStart: number | null;
    figureEnd: number | null;
  }>(
    `SELECT f.id, f.start, f."end" AS "end", f.figure_start AS "figureStart", f.figure_end AS "figureEnd"
     FROM facts f WHERE f.article_id = ? ORDER BY f.start, f.id`,
    [id],
  );
  const facts = (
    await sql.all<FactView>(`${FACT_VIEW_SELECT} WHERE f.article_id = ? ORDER BY f.start, f.id`, [id])
  ).map(toFactView);
  const { cleanedText, ...rest } = article;
  return { ...rest, segments: highlightSegments(cleanedText, rows), facts };
}
