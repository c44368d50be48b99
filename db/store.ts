import type { ArticleResult, Fact } from "../importers/types";
import type { DbHandle } from "./client";
import { rejectRemovedCompanyFacts } from "./companies";
import { type InsertedFact, reapplyReviews } from "./reviews";
import { importRuns } from "./schema";
import { slugify } from "./slug";

export type SaveOutcome =
  | { status: "imported" | "replaced"; articleId: number; facts: number }
  /** "dropped": the file now holds the bytes of another stored article, so the article it held is deleted. */
  | { status: "unchanged" | "dropped"; articleId: number; facts: 0 };

const aliasKey = (s: string) => s.trim().toLowerCase();

/**
 * Alias -> company id, per database, of rows known to be committed. A company row is deleted only by a merge
 * (db/companies.ts), which forgets this memory of its connection.
 */
const committedAliases = new WeakMap<DbHandle, Map<string, number>>();

/** Drops what this connection remembers of aliases: after a merge moved them to another company. */
export function forgetAliases(handle: DbHandle): void {
  committedAliases.delete(handle);
}

function aliasCache(handle: DbHandle): Map<string, number> {
  let cache = committedAliases.get(handle);
  if (!cache) {
    cache = new Map();
    committedAliases.set(handle, cache);
  }
  return cache;
}

/**
 * The statements of the import's hot path, prepared once per database: the query builder would compile them
 * again for every fact.
 */
function prepare(handle: DbHandle) {
  const { sqlite } = handle;
  return {
    aliasOwner: sqlite.prepare<[string], { id: number }>(
      "SELECT company_id AS id FROM company_aliases WHERE alias = ?",
    ),
    companyBySlug: sqlite.prepare<[string], { id: number }>("SELECT id FROM companies WHERE slug = ?"),
    insertCompany: sqlite.prepare<[string, string], { id: number }>(
      "INSERT INTO companies (name, slug) VALUES (?, ?) RETURNING id",
    ),
    insertAlias: sqlite.prepare<[string, number]>(
      "INSERT INTO company_aliases (alias, company_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ),
    articleBySha: sqlite.prepare<[string], { id: number; path: string }>(
      "SELECT id, source_path AS path FROM articles WHERE sha256 = ?",
    ),
    articleByPath: sqlite.prepare<[string], { id: number }>("SELECT id FROM articles WHERE source_path = ?"),
    deleteArticle: sqlite.prepare<[number]>("DELETE FROM articles WHERE id = ?"),
    insertArticle: sqlite.prepare<[string, string, string, number | null, string | null, string], { id: number }>(
      `INSERT INTO articles (source_path, sha256, title, published_year, published_year_source, cleaned_text)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    insertSegment: sqlite.prepare<[number, string]>("INSERT INTO fact_segments (fact_id, segment) VALUES (?, ?)"),
    insertFact: sqlite.prepare(
      `INSERT INTO facts (article_id, kind, company_id, counterparty_id, market, year, period, low, high, unit, status,
         approximate, compared_year, compared_period, quote, start, "end", figure_start, figure_end, stated)
       VALUES (@articleId, @kind, @companyId, @counterpartyId, @market, @year, @period, @low, @high, @unit, @status,
         @approximate, @comparedYear, @comparedPeriod, @quote, @start, @end, @figureStart, @figureEnd, @stated)`,
    ),
  };
}

const prepared = new WeakMap<DbHandle, ReturnType<typeof prepare>>();

function statements(handle: DbHandle): ReturnType<typeof prepare> {
  let st = prepared.get(handle);
  if (!st) {
    st = prepare(handle);
    prepared.set(handle, st);
  }
  return st;
}

/**
 * Finds a company by any name it was ever written as, creating it (and recording its aliases) if new.
 * `pending` collects what this transaction wrote, to be remembered only once it commits.
 */
export function companyId(
  handle: DbHandle,
  name: string,
  surfaces: string[] = [],
  pending = new Map<string, number>(),
): number {
  const cache = aliasCache(handle);
  const keys = [name, ...surfaces].map(aliasKey);
  const cached = cache.get(keys[0]) ?? pending.get(keys[0]);
  if (cached !== undefined && keys.every((k) => cache.get(k) === cached || pending.get(k) === cached)) return cached;
  const st = statements(handle);
  let id = st.aliasOwner.get(keys[0])?.id;
  if (id === undefined) {
    const slug = slugify(name);
    id = st.companyBySlug.get(slug)?.id ?? st.insertCompany.get(name, slug)!.id;
  }
  for (const key of keys) {
    st.insertAlias.run(key, id);
    const owner = st.aliasOwner.get(key);
    if (owner) pending.set(key, owner.id);
  }
  return id;
}

function factRow(handle: DbHandle, articleId: number, f: Fact, pending: Map<string, number>) {
  return {
    articleId,
    kind: f.kind,
    companyId: companyId(handle, f.company, f.aliases[f.company], pending),
    counterpartyId: f.counterparty ? companyId(handle, f.counterparty, f.aliases[f.counterparty], pending) : null,
    market: f.market,
    year: f.year,
    period: f.period,
    low: f.low,
    high: f.high,
    unit: f.unit,
    status: f.status,
    approximate: f.approximate ? 1 : 0,
    comparedYear: f.comparedTo?.year ?? null,
    comparedPeriod: f.comparedTo?.period ?? null,
    quote: f.quote,
    start: f.start,
    end: f.end,
    figureStart: f.figureStart,
    figureEnd: f.figureEnd,
    stated: JSON.stringify(f.stated),
  };
}

/**
 * Writes one article and its facts in one transaction. The same bytes again are a no-op; new bytes under a
 * path already imported replace that article and its facts. Bytes equal to an article stored under another path
 * are that article (sha256 is unique): the article this path held before, if any, is deleted with its facts,
 * since the file no longer says what they say. With `rewrite`, an unchanged article is replaced all the same.
 */
export function saveArticle(handle: DbHandle, result: ArticleResult, options: { rewrite?: boolean } = {}): SaveOutcome {
  const st = statements(handle);
  const pending = new Map<string, number>();
  const write = handle.sqlite.transaction((): SaveOutcome => {
    const same = st.articleBySha.get(result.sha256);
    // `rewrite` (npm run reextract): the same bytes at the same path are written again, with the current
    // extractor's facts and the reviews re-applied to them.
    if (same && !(options.rewrite && same.path === result.path)) {
      const previous = same.path === result.path ? undefined : st.articleByPath.get(result.path);
      if (!previous) return { status: "unchanged", articleId: same.id, facts: 0 };
      st.deleteArticle.run(previous.id);
      return { status: "dropped", articleId: same.id, facts: 0 };
    }
    const previous = st.articleByPath.get(result.path);
    if (previous) st.deleteArticle.run(previous.id);
    const articleId = st.insertArticle.get(
      result.path,
      result.sha256,
      result.title || result.path,
      result.publishedYear,
      result.publishedYearSource,
      result.cleanedText,
    )!.id;
    const inserted: InsertedFact[] = result.facts.map((fact) => {
      const id = Number(st.insertFact.run(factRow(handle, articleId, fact, pending)).lastInsertRowid);
      if (fact.segment) st.insertSegment.run(id, fact.segment);
      return { id, fact };
    });
    // What people decided about the article's facts outlives the rows the import just replaced (decision 010).
    reapplyReviews(handle, result.path, result.cleanedText, inserted, pending);
    // A name an analyst removed as no company stays removed when the extractor writes it again (decision 014).
    rejectRemovedCompanyFacts(handle, articleId);
    return { status: previous ? "replaced" : "imported", articleId, facts: result.facts.length };
  });
  // IMMEDIATE takes the write lock at once, so two importers queue on the busy timeout instead of deadlocking.
  const outcome = write.immediate();
  const cache = aliasCache(handle);
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

export function recordImportRun(handle: DbHandle, run: RunSummary): void {
  handle.db
    .insert(importRuns)
    .values({
      startedAt: run.startedAt,
      finishedAt: new Date().toISOString(),
      filesRead: run.filesRead,
      articlesImported: run.articlesImported,
      articlesUnchanged: run.articlesUnchanged,
      factsWritten: run.factsWritten,
      errors: JSON.stringify(run.errors),
    })
    .run();
}

export function articleCount(handle: DbHandle): number {
  return (handle.sqlite.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
}
