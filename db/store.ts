import { eq } from "drizzle-orm";
import type { ArticleResult, Fact } from "../importers/types";
import type { DbHandle } from "./client";
import { articles, companies, companyAliases, facts, importRuns } from "./schema";
import { slugify } from "./slug";

export type SaveOutcome =
  | { status: "imported" | "replaced"; articleId: number; facts: number }
  | { status: "unchanged"; articleId: number; facts: 0 };

const aliasKey = (s: string) => s.trim().toLowerCase();

/** Finds a company by any name it was ever written as, creating it (and recording its aliases) if new. */
export function companyId(handle: DbHandle, name: string, surfaces: string[] = []): number {
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
  for (const alias of [name, ...surfaces]) {
    db.insert(companyAliases)
      .values({ alias: aliasKey(alias), companyId: id })
      .onConflictDoNothing()
      .run();
  }
  return id;
}

function factRow(handle: DbHandle, articleId: number, f: Fact) {
  return {
    articleId,
    kind: f.kind,
    companyId: companyId(handle, f.company, f.aliases[f.company]),
    counterpartyId: f.counterparty ? companyId(handle, f.counterparty, f.aliases[f.counterparty]) : null,
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
  return db.transaction((tx) => {
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
        .values(result.facts.map((f) => factRow(handle, articleId, f)))
        .run();
    return { status: previous ? ("replaced" as const) : ("imported" as const), articleId, facts: result.facts.length };
  });
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
