import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defaultDatabasePath } from "../db/client";
import { postgresUrl } from "../db/databaseUrl";
import { openChosenDatabase } from "../db/open";
import { companyResolver, type ReviewedArticle, reviewedArticles } from "../db/reviewedGold";
import type { Sql } from "../db/sql";
import { emptyScore, factsMatch, type GoldFact, prf, type Score } from "../importers/eval/score";
import { extractArticle } from "../importers/pipeline";
import { defaultMaxBytes } from "../importers/run/importFiles";
import { readArticleBytes } from "../importers/run/readArticle";
import { FACT_KINDS, type Fact } from "../importers/types";

export const REVIEWED_USAGE = `npm run eval -- --reviewed [--db PATH] [--verbose]
  Scores the current extractor against the facts people reviewed in a database (DATABASE_PATH, or data/figures.db):
  what they confirmed, corrected or added is gold, what they rejected a known mistake (docs/decisions/015).
  --db PATH    another database
  --verbose    list each miss, each extra fact and each fact not judged`;

/** The score over reviewed articles, with the predictions no review can judge. */
export interface ReviewedScore {
  score: Score;
  articles: number;
  gold: number;
  /** Predictions in an article some of whose facts nobody reviewed, matching no reviewed fact: neither right nor wrong yet. */
  unjudged: Array<{ file: string; fact: GoldFact }>;
  /** Articles read from their stored text, their file being gone or changed since (web uploads among them). */
  fromStoredText: number;
}

/**
 * The article as the extractor should read it now: its file when it still holds the bytes that were reviewed, else
 * the text as stored (title, then the cleaned body) with the publication year it was given.
 */
function extractNow(a: ReviewedArticle): { facts: Fact[]; stored: boolean } {
  const given = a.publishedYearSource === "option" ? a.publishedYear : null;
  try {
    if (!/^(upload|pasted)\//.test(a.path) && existsSync(a.path)) {
      const bytes = readArticleBytes(a.path, defaultMaxBytes());
      if (createHash("sha256").update(bytes).digest("hex") === a.sha256)
        return { facts: extractArticle(bytes, a.path, { publishedYear: given }).facts, stored: false };
    }
  } catch {
    // Unreadable now: the stored text below.
  }
  const text = Buffer.from(`${a.title}\n\n${a.cleanedText}\n`);
  return { facts: extractArticle(text, a.path, { publishedYear: a.publishedYear }).facts, stored: true };
}

const count = (score: Score, kind: GoldFact["kind"], what: "tp" | "fp" | "fn") => {
  score.byKind[kind][what]++;
  score.total[what]++;
};

/**
 * Scores the extractor's facts for each reviewed article: a fact matching gold (decision 003's match: kind,
 * companies, figure, unit, year, period) is right; one matching a rejected fact, or naming a company removed as
 * none, is wrong; in an article whose every stored fact was reviewed, any other fact is wrong too, since the
 * person saw the whole article; elsewhere it is not judged. Gold no fact matched is missed. Company names are
 * compared as the database files them now (renames and merges followed through the aliases).
 */
export async function scoreReviewed(db: Sql): Promise<ReviewedScore> {
  const score = emptyScore();
  const resolver = await companyResolver(db);
  const unjudged: ReviewedScore["unjudged"] = [];
  let gold = 0;
  let fromStoredText = 0;
  const articles = await reviewedArticles(db);
  for (const a of articles) {
    const { facts, stored } = extractNow(a);
    if (stored) fromStoredText++;
    gold += a.gold.length;
    const wanted = [...a.gold];
    const mistakes = [...a.rejected];
    for (const f of facts) {
      const p: GoldFact = {
        ...f,
        company: resolver.name(f.company),
        counterparty: f.counterparty ? resolver.name(f.counterparty) : null,
      };
      const i = wanted.findIndex((g) => factsMatch(p, g));
      if (i >= 0) {
        wanted.splice(i, 1);
        count(score, p.kind, "tp");
        score.matched++;
        continue;
      }
      const j = mistakes.findIndex((r) => factsMatch(p, r));
      if (j >= 0) mistakes.splice(j, 1);
      const removed = resolver.removed(f.company) || (f.counterparty !== null && resolver.removed(f.counterparty));
      if (j >= 0 || removed || a.unreviewed === 0) {
        count(score, p.kind, "fp");
        score.extras.push({ file: a.path, fact: p });
      } else unjudged.push({ file: a.path, fact: p });
    }
    for (const g of wanted) {
      count(score, g.kind, "fn");
      score.misses.push({ file: a.path, fact: g });
    }
  }
  return { score, articles: articles.length, gold, unjudged, fromStoredText };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const describe = (f: GoldFact) =>
  `${f.kind} ${f.company}${f.counterparty ? ` -> ${f.counterparty}` : ""} ${f.year ?? "?"}/${f.period ?? "-"} ${f.low}..${f.high} ${f.unit} ${f.status}`;

function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** `npm run eval -- --reviewed`: prints precision, recall and F1 per kind; 0, or 2 for a usage mistake. */
export async function runReviewed(argv: string[]): Promise<number> {
  if (argv.includes("--help")) {
    console.log(REVIEWED_USAGE);
    return 0;
  }
  const dbArg = argValue(argv, "--db");
  if (argv.includes("--db") && !dbArg) {
    console.error(`--db needs a path\n${REVIEWED_USAGE}`);
    return 2;
  }
  // --db names a SQLite file; without it, DATABASE_URL's PostgreSQL or DATABASE_PATH's file, as every command.
  const path = dbArg ? resolve(dbArg) : postgresUrl() ? undefined : defaultDatabasePath();
  if (path && !existsSync(path)) {
    console.error(`No database at ${path}: import articles and review some facts first (or give --db PATH).`);
    return 2;
  }
  const opened = await openChosenDatabase(path);
  try {
    const r = await scoreReviewed(opened.sql);
    console.log(
      `\nreviewed facts in ${opened.name}: ${r.articles} articles, ${r.gold} facts confirmed, corrected or added`,
    );
    if (!r.articles) {
      console.log("Nobody has reviewed a fact yet: review some on /review, then score again.");
      return 0;
    }
    console.log("kind             precision  recall      F1   (tp/fp/fn)");
    for (const kind of FACT_KINDS) {
      const k = r.score.byKind[kind];
      const s = prf(k);
      console.log(`${kind.padEnd(16)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   (${k.tp}/${k.fp}/${k.fn})`);
    }
    const t = prf(r.score.total);
    const { tp, fp, fn } = r.score.total;
    console.log(`${"all".padEnd(16)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}   (${tp}/${fp}/${fn})`);
    console.log(
      `not judged: ${r.unjudged.length} facts the extractor gives in articles not wholly reviewed, matching no review`,
    );
    if (r.fromStoredText)
      console.log(`read from the stored text (file gone, changed or uploaded): ${r.fromStoredText}`);
    if (argv.includes("--verbose")) {
      for (const m of r.score.misses) console.log(`  MISS      ${m.file}: ${describe(m.fact)}`);
      for (const e of r.score.extras) console.log(`  EXTRA     ${e.file}: ${describe(e.fact)}`);
      for (const u of r.unjudged) console.log(`  UNJUDGED  ${u.file}: ${describe(u.fact)}`);
    }
    return 0;
  } finally {
    await opened.close();
  }
}
