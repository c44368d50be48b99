import { openChosenDatabase } from "../db/open";
import type { Sql } from "../db/sql";
import { saveArticle } from "../db/store";
import { extractArticle } from "../importers/pipeline";
import { defaultMaxBytes } from "../importers/run/importFiles";
import { readArticleBytes } from "../importers/run/readArticle";

const USAGE = `Usage: npm run reextract

Runs the current extractor again over every stored article whose file is still where it was imported from, and
replaces its facts, even when the file is unchanged. Reviews are applied again to the new facts; a review whose fact
is not found again is kept and listed on /review. Articles uploaded through the web (upload/, pasted/) have no file
on disk and are left as they are. Exits 1 when some article could not be read.`;

interface Row {
  id: number;
  path: string;
  publishedYear: number | null;
  source: string | null;
}

async function reextract(db: Sql): Promise<number> {
  const rows = await db.all<Row>(
    `SELECT id, source_path AS path, published_year AS "publishedYear", published_year_source AS source
     FROM articles ORDER BY id`,
  );
  const count = async (sql: string) => (await db.get<{ n: number }>(sql))!.n;
  const factsBefore = await count("SELECT count(*) AS n FROM facts");
  const unmatchedSql = `SELECT count(*) AS n FROM fact_reviews r LEFT JOIN articles a ON a.source_path = r.article_path
    WHERE (r.state NOT IN ('rejected', 'superseded') AND r.fact_id IS NULL) OR r.orphaned = TRUE
      OR (r.state IN ('rejected', 'superseded') AND a.id IS NULL)`;
  const unmatchedBefore = await count(unmatchedSql);
  let rewritten = 0;
  const skipped: string[] = [];
  const failed: string[] = [];
  for (const row of rows) {
    if (/^(upload|pasted)\//.test(row.path)) {
      skipped.push(row.path);
      continue;
    }
    try {
      const bytes = readArticleBytes(row.path, defaultMaxBytes());
      // A year given at import (--published) is given again; one the extractor found is found afresh.
      const publishedYear = row.source === "option" ? row.publishedYear : null;
      await saveArticle(db, extractArticle(bytes, row.path, { publishedYear }), { rewrite: true });
      rewritten++;
    } catch (err) {
      failed.push(`${row.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log(`Articles re-extracted: ${rewritten} of ${rows.length}`);
  console.log(`Facts: ${factsBefore} before, ${await count("SELECT count(*) AS n FROM facts")} now`);
  const unmatched = await count(unmatchedSql);
  console.log(
    `Reviews not matched to a fact: ${unmatched}${unmatched > unmatchedBefore ? ` (${unmatched - unmatchedBefore} new: see /review)` : ""}`,
  );
  if (skipped.length) console.log(`Uploaded through the web, left as they are: ${skipped.length}`);
  for (const f of failed) console.log(`Not read, left as it is: ${f}`);
  return failed.length ? 1 : 0;
}

if (process.argv.slice(2).some((a) => a === "--help" || a === "-h")) console.log(USAGE);
else if (process.argv.length > 2) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  const opened = await openChosenDatabase();
  try {
    process.exitCode = await reextract(opened.sql);
  } finally {
    await opened.close();
  }
}
