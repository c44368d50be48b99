import type { ArticleResult, Fact } from "../importers/types";
import { rejectRemovedCompanyFacts } from "./companies";
import { type InsertedFact, reapplyReviews } from "./reviews";
import { slugify } from "./slug";
import type { Sql } from "./sql";

export type SaveOutcome =
  | { status: "imported" | "replaced"; articleId: number; facts: number }
  /** "dropped": the file now holds the bytes of another stored article, so the article it held is deleted. */
  | { status: "unchanged" | "dropped"; articleId: number; facts: 0 };

const aliasKey = (s: string) => s.trim().toLowerCase();

/**
 * Alias -> company id, per SQLite connection, of rows known to be committed. A company row is deleted only by a
 * merge (db/companies.ts), which forgets this memory of its connection. On PostgreSQL another instance may merge
 * unseen, so nothing is remembered there (Sql.memoKey is null): each name is looked up.
 */
const committedAliases = new WeakMap<object, Map<string, number>>();

/** Drops what this connection remembers of aliases: after a merge moved them to another company. */
export function forgetAliases(db: Sql): void {
  if (db.memoKey) committedAliases.delete(db.memoKey);
}

function aliasCache(db: Sql): Map<string, number> {
  if (!db.memoKey) return new Map();
  let cache = committedAliases.get(db.memoKey);
  if (!cache) {
    cache = new Map();
    committedAliases.set(db.memoKey, cache);
  }
  return cache;
}

/** One fact row with its id back; the importer and a person's added fact (db/reviews.ts) write it alike. */
export const INSERT_FACT = `INSERT INTO facts (article_id, kind, company_id, counterparty_id, market, year, period, low, high,
    unit, status, approximate, compared_year, compared_period, quote, start, "end", figure_start, figure_end, stated)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;

/**
 * Finds a company by any name it was ever written as, creating it (and recording its aliases) if new.
 * `pending` collects what this transaction wrote, to be remembered only once it commits.
 */
export async function companyId(
  tx: Sql,
  name: string,
  surfaces: string[] = [],
  pending = new Map<string, number>(),
): Promise<number> {
  const cache = aliasCache(tx);
  const keys = [name, ...surfaces].map(aliasKey);
  const cached = cache.get(keys[0]) ?? pending.get(keys[0]);
  if (cached !== undefined && keys.every((k) => cache.get(k) === cached || pending.get(k) === cached)) return cached;
  const owner = (alias: string) =>
    tx.get<{ id: number }>("SELECT company_id AS id FROM company_aliases WHERE alias = ?", [alias]);
  let id = (await owner(keys[0]))?.id;
  if (id === undefined) {
    const slug = slugify(name);
    id =
      (await tx.get<{ id: number }>("SELECT id FROM companies WHERE slug = ?", [slug]))?.id ??
      (await tx.get<{ id: number }>("INSERT INTO companies (name, slug) VALUES (?, ?) RETURNING id", [name, slug]))!.id;
  }
  for (const key of keys) {
    await tx.run("INSERT INTO company_aliases (alias, company_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [key, id]);
    const found = await owner(key);
    if (found) pending.set(key, found.id);
  }
  return id;
}

async function insertExtracted(tx: Sql, articleId: number, f: Fact, pending: Map<string, number>): Promise<number> {
  const company = await companyId(tx, f.company, f.aliases[f.company], pending);
  const counterparty = f.counterparty ? await companyId(tx, f.counterparty, f.aliases[f.counterparty], pending) : null;
  const row = await tx.get<{ id: number }>(INSERT_FACT, [
    articleId,
    f.kind,
    company,
    counterparty,
    f.market,
    f.year,
    f.period,
    f.low,
    f.high,
    f.unit,
    f.status,
    f.approximate,
    f.comparedTo?.year ?? null,
    f.comparedTo?.period ?? null,
    f.quote,
    f.start,
    f.end,
    f.figureStart,
    f.figureEnd,
    JSON.stringify(f.stated),
  ]);
  return row!.id;
}

/**
 * Writes one article and its facts in one transaction. The same bytes again are a no-op; new bytes under a
 * path already imported replace that article and its facts. Bytes equal to an article stored under another path
 * are that article (sha256 is unique): the article this path held before, if any, is deleted with its facts,
 * since the file no longer says what they say. With `rewrite`, an unchanged article is replaced all the same.
 */
export async function saveArticle(
  db: Sql,
  result: ArticleResult,
  options: { rewrite?: boolean } = {},
): Promise<SaveOutcome> {
  const pending = new Map<string, number>();
  const outcome = await db.transaction(async (tx): Promise<SaveOutcome> => {
    // The article with these bytes and the one at this path, in one query: on PostgreSQL each query is a round
    // trip, and a worker's batch holds the write lock for all of its articles' round trips.
    const found = await tx.all<{ id: number; path: string; sha256: string }>(
      "SELECT id, source_path AS path, sha256 FROM articles WHERE sha256 = ? OR source_path = ? ORDER BY id",
      [result.sha256, result.path],
    );
    const same = found.find((a) => a.sha256 === result.sha256);
    const previous = found.find((a) => a.path === result.path);
    // `rewrite` (npm run reextract): the same bytes at the same path are written again, with the current
    // extractor's facts and the reviews re-applied to them.
    if (same && !(options.rewrite && same.path === result.path)) {
      if (same.path === result.path || !previous) return { status: "unchanged", articleId: same.id, facts: 0 };
      await tx.run("DELETE FROM articles WHERE id = ?", [previous.id]);
      return { status: "dropped", articleId: same.id, facts: 0 };
    }
    if (previous) await tx.run("DELETE FROM articles WHERE id = ?", [previous.id]);
    const articleId = (await tx.get<{ id: number }>(
      `INSERT INTO articles (source_path, sha256, title, published_year, published_year_source, cleaned_text)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        result.path,
        result.sha256,
        result.title || result.path,
        result.publishedYear,
        result.publishedYearSource,
        result.cleanedText,
      ],
    ))!.id;
    const inserted: InsertedFact[] = [];
    for (const fact of result.facts) {
      const id = await insertExtracted(tx, articleId, fact, pending);
      if (fact.segment) await tx.run("INSERT INTO fact_segments (fact_id, segment) VALUES (?, ?)", [id, fact.segment]);
      inserted.push({ id, fact });
    }
    // What people decided about the article's facts outlives the rows the import just replaced (decision 010).
    await reapplyReviews(tx, result.path, result.cleanedText, inserted, pending);
    // A name an analyst removed as no company stays removed when the extractor writes it again (decision 014).
    await rejectRemovedCompanyFacts(tx, articleId);
    return { status: previous ? "replaced" : "imported", articleId, facts: result.facts.length };
  });
  const cache = aliasCache(db);
  for (const [alias, id] of pending) cache.set(alias, id);
  return outcome;
}

export interface RunSummary {
  startedAt: string;
  filesRead: number;
  articlesImported: number;
  articlesUnchanged: number;
  factsWritten: number;
  errors: Array<{ path: string; reason: string }>;
}

export async function recordImportRun(db: Sql, run: RunSummary): Promise<void> {
  await db.transaction((tx) =>
    tx.run(
      `INSERT INTO import_runs (started_at, finished_at, files_read, articles_imported, articles_unchanged,
         facts_written, errors) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        run.startedAt,
        new Date().toISOString(),
        run.filesRead,
        run.articlesImported,
        run.articlesUnchanged,
        run.factsWritten,
        JSON.stringify(run.errors),
      ],
    ),
  );
}

export async function articleCount(db: Sql): Promise<number> {
  return (await db.get<{ n: number }>("SELECT count(*) AS n FROM articles"))!.n;
}
