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
    const shown = facts.map((f) =>
      Object.fromEntries(Object.keys(expected[0] ?? {}).map((k) => [k, f[k as keyof Fact]])),
    );
    expect(shown).toEqual(expected);
  });
});
