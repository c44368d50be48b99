import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";

const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve("../shared/corpus/bbc-business-dev");

describe("every article of the dev corpus goes through the pipeline", () => {
  test("the corpus folder is there", () => {
    expect(
      existsSync(CORPUS_DIR),
      `corpus folder ${CORPUS_DIR} is absent: place ../shared/corpus beside the repo or set CORPUS_DIR`,
    ).toBe(true);
  });

  test("no article crashes, and every fact points at its own sentence", () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThan(200);
    let facts = 0;
    for (const f of files) {
      const result = extractArticle(readFileSync(join(CORPUS_DIR, f)), f);
      expect(result.title.length, f).toBeGreaterThan(0);
      for (const fact of result.facts) {
        facts++;
        expect(result.cleanedText.slice(fact.start, fact.end), f).toBe(fact.quote);
        expect(fact.figureStart).toBeGreaterThanOrEqual(fact.start);
        expect(fact.figureEnd).toBeLessThanOrEqual(fact.end);
        expect(fact.low).toBeLessThanOrEqual(fact.high);
        if (fact.kind === "stake" || fact.kind === "market_share") expect(fact.high).toBeLessThanOrEqual(100);
      }
    }
    expect(facts).toBeGreaterThan(50);
    // 255 articles take about 2 s alone; the suite's other files share the cores, so no 5 s default here.
  }, 60_000);
});
