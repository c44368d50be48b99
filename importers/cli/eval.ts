import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { emptyScore, type GoldArticle, prf, type Score, scoreArticle } from "../eval/score";
import { extractArticle } from "../pipeline";
import { FACT_KINDS } from "../types";

const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve("../shared/corpus/bbc-business-dev");
const SETS = [
  { name: "seeds", gold: "tests/gold/seeds", texts: "seeds" },
  { name: "bbc-business-dev", gold: "tests/gold/bbc-business-dev", texts: CORPUS_DIR },
];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const describe = (f: GoldArticle["facts"][number]) =>
  `${f.kind} ${f.company}${f.counterparty ? ` -> ${f.counterparty}` : ""} ${f.year ?? "?"}/${f.period ?? "-"} ${f.low}..${f.high} ${f.unit} ${f.status}`;

function printScore(name: string, score: Score, articles: number): void {
  console.log(`\n${name}: ${articles} articles`);
  console.log("kind             precision  recall      F1   (tp/fp/fn)");
  for (const kind of FACT_KINDS) {
    const k = score.byKind[kind];
    const s = prf(k);
    console.log(`${kind.padEnd(16)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   (${k.tp}/${k.fp}/${k.fn})`);
  }
  const t = prf(score.total);
  console.log(
    `${"all".padEnd(16)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}   (${score.total.tp}/${score.total.fp}/${score.total.fn})`,
  );
  if (score.matched) console.log(`status agrees on ${score.statusAgree}/${score.matched} matched facts`);
  if (score.publishedYearTotal)
    console.log(
      `publication year right on ${score.publishedYearAgree}/${score.publishedYearTotal} articles that state one`,
    );
}

/** Scores the extractor against the gold annotations; prints precision, recall and F1 per kind. */
function main(): number {
  const verbose = process.argv.includes("--verbose");
  // "--range 221-255" scores one batch of dev gold, such as one annotated after the rules were last changed.
  const rangeArg = process.argv[process.argv.indexOf("--range") + 1];
  const range = process.argv.includes("--range") ? /^(\d+)-(\d+)$/.exec(rangeArg ?? "") : null;
  if (process.argv.includes("--range") && !range) {
    console.error("--range needs two file numbers, e.g. --range 221-255");
    return 2;
  }
  const inRange = (file: string) =>
    !range || (Number.parseInt(file, 10) >= Number(range[1]) && Number.parseInt(file, 10) <= Number(range[2]));
  const overall = emptyScore();
  for (const set of SETS) {
    if (!existsSync(set.texts)) {
      console.log(
        `\n${set.name}: SKIPPED — article folder ${set.texts} is absent (set CORPUS_DIR or place ../shared/corpus beside the repo)`,
      );
      continue;
    }
    const score = emptyScore();
    const goldFiles = readdirSync(set.gold)
      .filter((f) => f.endsWith(".json") && (set.name === "seeds" || inRange(f)))
      .sort();
    for (const gf of goldFiles) {
      const gold = JSON.parse(readFileSync(join(set.gold, gf), "utf8")) as GoldArticle;
      const path = join(set.texts, gold.file);
      const result = extractArticle(readFileSync(path), path);
      for (const s of [score, overall]) scoreArticle(s, gold, result.facts, result.publishedYear);
    }
    printScore(set.name, score, goldFiles.length);
    if (verbose) {
      for (const m of score.misses) console.log(`  MISS  ${m.file}: ${describe(m.fact)}`);
      for (const e of score.extras) console.log(`  EXTRA ${e.file}: ${describe(e.fact)}`);
    }
  }
  const t = prf(overall.total);
  console.log(
    `\noverall F1 ${pct(t.f1).trim()} (precision ${pct(t.precision).trim()}, recall ${pct(t.recall).trim()})`,
  );
  return 0;
}

process.exitCode = main();
