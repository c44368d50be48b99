import { eq } from "drizzle-orm";
import type { ArticleResult, Fact } from "../importers/types";
import type { DbHandle } from "./client";
import { articles, companies, companyAliases, facts, importRuns } from "./schema";
import { slugify } from "./slug";

export type SaveOutcome =
  | { status: "imported" | "replaced"; articleId: number; facts: number }
  | { status: "unchanged"; articleId: number; facts: 0 };

const aliasKey = (s: string) => s.trim().toLowerCase();

/** Alias -> company id, per database, of rows known to be committed: a company row is never deleted. */
const committedAliases = new WeakMap<DbHandle, Map<string, number>>();

function aliasCache(handle: DbHandle): Map<string, number> {
  let cache = committedAliases.get(handle);
  if (!cache) {
    cache = new Map();
    committedAliases.set(handle, cache);
  }
  return cache;
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
  const { db } = handle;
  const known = db
    .select({ id: companyAliases.companyId })
    .from(companyAliases)
    .where(eq(companyAliases.alias, aliasKey(name)))
    .get();
  let id = known?.id;
  if (id === undefined) {
    const slug = slugify(name);
    const bySlug = db.select({ id: companies.id }).from(companies).where(eq(companies.slug, slug)).get();
    id = bySlug?.id ?? db.insert(companies).values({ name, slug }).returning({ id: companies.id }).get().id;
  }
  for (const key of keys) {
    db.insert(companyAliases).values({ alias: key, companyId: id }).onConflictDoNothing().run();
    const owner = db
      .select({ id: companyAliases.companyId })
      .from(companyAliases)
      .where(eq(companyAliases.alias, key))
      .get();
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
    approximate: f.approximate,
    comparedYear: f.comparedTo?.year ?? null,
    comparedPeriod: f.comparedTo?.period ?? null,
    quote: f.quote,
    start: f.start,
    end: f.end,
    stated: JSON.stringify(f.stated),
  };
}

/**
 * Writes one article and its facts in one transaction. The same bytes again are a no-op; new bytes under a
 * path already imported replace that article and its facts.
 */
export function saveArticle(handle: DbHandle, result: ArticleResult): SaveOutcome {
  const { db } = handle;
  const pending = new Map<string, number>();
  const outcome = db.transaction((tx) => {
    const same = tx.select({ id: articles.id }).from(articles).where(eq(articles.sha256, result.sha256)).get();
    if (same) return { status: "unchanged" as const, articleId: same.id, facts: 0 as const };
    const previous = tx.select({ id: articles.id }).from(articles).where(eq(articles.sourcePath, result.path)).get();
    if (previous) tx.delete(articles).where(eq(articles.id, previous.id)).run();
    const articleId = tx
      .insert(articles)
      .values({
        sourcePath: result.path,
        sha256: result.sha256,
        title: result.title || result.path,
        publishedYear: result.publishedYear,
        publishedYearSource: result.publishedYearSource,
        cleanedText: result.cleanedText,
      })
      .returning({ id: articles.id })
      .get().id;
    if (result.facts.length)
      tx.insert(facts)
        .values(result.facts.map((f) => factRow(handle, articleId, f, pending)))
        .run();
    return { status: previous ? ("replaced" as const) : ("imported" as const), articleId, facts: result.facts.length };
  });
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
