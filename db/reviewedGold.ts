import type { GoldFact } from "../importers/eval/score";
import type { FactSnapshot, FactValues } from "./reviews";
import type { Sql } from "./sql";

/**
 * The facts people reviewed in a database, as gold for the extractor (`npm run eval -- --reviewed`,
 * scripts/evalReviewed.ts; docs/decisions/015): per stored article, what a person confirmed, corrected or added
 * (the gold), what they rejected (known mistakes), and how many of its facts nobody has looked at yet.
 */
export interface ReviewedArticle {
  id: number;
  path: string;
  title: string;
  sha256: string;
  publishedYear: number | null;
  publishedYearSource: string | null;
  cleanedText: string;
  gold: GoldFact[];
  rejected: GoldFact[];
  /** Facts of the article as stored with no review: while any is left, an unmatched prediction is not judged. */
  unreviewed: number;
}

interface ReviewRow {
  path: string;
  state: "confirmed" | "corrected" | "rejected" | "added" | "superseded";
  original: string | null;
  corrected: string | null;
}

/** The company a name is filed under now (aliases follow renames and merges), as an import would resolve it. */
export async function companyResolver(db: Sql): Promise<{ name(n: string): string; removed(n: string): boolean }> {
  // Every alias at once: the scorer asks for names synchronously, and a database of reviews has few companies
  // next to its facts.
  const rows = await db.all<{ alias: string; name: string; removed: number | boolean }>(
    `SELECT a.alias, c.name, r.company_id IS NOT NULL AS removed FROM company_aliases a
     JOIN companies c ON c.id = a.company_id LEFT JOIN company_removals r ON r.company_id = c.id`,
  );
  const byAlias = new Map(rows.map((r) => [r.alias, { name: r.name, removed: Boolean(r.removed) }]));
  const look = (n: string) => byAlias.get(n.trim().toLowerCase()) ?? { name: n, removed: false };
  return { name: (n) => look(n).name, removed: (n) => look(n).removed };
}

function goldOf(values: FactValues & Partial<FactSnapshot>, kind: GoldFact["kind"], name: (n: string) => string) {
  return {
    kind,
    company: name(values.company),
    counterparty: values.counterparty ? name(values.counterparty) : null,
    market: values.market,
    year: values.year,
    period: values.period,
    low: values.low,
    high: values.high,
    unit: values.unit,
    status: values.status,
    approximate: values.approximate,
    comparedTo:
      values.comparedYear != null || values.comparedPeriod != null
        ? { year: values.comparedYear ?? null, period: values.comparedPeriod ?? null }
        : null,
  } satisfies GoldFact;
}

/** Every stored article with at least one review, with its gold and its rejected facts. */
export async function reviewedArticles(db: Sql): Promise<ReviewedArticle[]> {
  const { name } = await companyResolver(db);
  const reviews = await db.all<ReviewRow>(
    `SELECT r.article_path AS path, r.state, r.original, r.corrected FROM fact_reviews r
     WHERE EXISTS (SELECT 1 FROM articles a WHERE a.source_path = r.article_path) ORDER BY r.article_path, r.id`,
  );
  const byPath = new Map<string, ReviewRow[]>();
  for (const r of reviews) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const article = (path: string) =>
    db.get<Omit<ReviewedArticle, "gold" | "rejected">>(
      `SELECT id, source_path AS path, title, sha256, published_year AS "publishedYear",
         published_year_source AS "publishedYearSource", cleaned_text AS "cleanedText",
         (SELECT count(*) FROM facts f WHERE f.article_id = a.id
            AND NOT EXISTS (SELECT 1 FROM fact_reviews r WHERE r.fact_id = f.id)) AS unreviewed
       FROM articles a WHERE source_path = ?`,
      [path],
    );
  const out: ReviewedArticle[] = [];
  for (const [path, rows] of byPath) {
    const a = await article(path);
    if (!a) continue;
    const gold: GoldFact[] = [];
    const rejected: GoldFact[] = [];
    for (const r of rows) {
      const original = r.original ? (JSON.parse(r.original) as FactSnapshot) : null;
      const corrected = r.corrected ? (JSON.parse(r.corrected) as FactSnapshot) : null;
      const kind = (original ?? corrected)?.kind;
      if (!kind) continue;
      if (r.state === "rejected" && original) rejected.push(goldOf(original, kind, name));
      // A superseded fact says what its article says: another source's figure was confirmed over it, so it is no
      // misreading; the extractor was right to give it.
      else if ((r.state === "confirmed" || r.state === "superseded") && original)
        gold.push(goldOf(original, kind, name));
      else if (corrected) gold.push(goldOf({ ...original, ...corrected }, kind, name));
    }
    out.push({ ...a, gold, rejected });
  }
  return out;
}
