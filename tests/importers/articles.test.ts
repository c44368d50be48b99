import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";
import type { Fact } from "../../importers/types";

/** Invented articles and the facts each must yield; listed fields are checked, and no other fact may appear. */
interface ArticleCase {
  name: string;
  text: string;
  expected: Array<Partial<Fact>>;
}

const cases = JSON.parse(readFileSync("tests/fixtures/articles.json", "utf8")) as ArticleCase[];

describe("invented articles and their facts (tests/fixtures/articles.json)", () => {
  test.each(cases)("$name", ({ text, expected }) => {
    const facts = extractArticle(Buffer.from(text), "fixture.txt").facts;
    // Only the fields a case lists are compared, the same ones for every fact of that case.
    const keys = [...new Set(expected.flatMap((e) => Object.keys(e)))] as Array<keyof Fact>;
    const pick = (f: Partial<Fact>) => Object.fromEntries(keys.map((k) => [k, f[k] ?? null]));
    // Extractors run kind by kind, so the order of facts says nothing: compare them sorted.
    const sorted = (list: object[]) => list.map((x) => JSON.stringify(x)).sort();
    expect(sorted(facts.map(pick))).toEqual(sorted(expected.map(pick)));
  });
});
