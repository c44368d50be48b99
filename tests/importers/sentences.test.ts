import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { GOLD_FIELDS } from "../../importers/eval/score";
import { extractArticle } from "../../importers/pipeline";
import type { Fact } from "../../importers/types";

/**
 * Short invented articles (a title line, a blank line, one to three sentences; optionally a `Date:` line first) run
 * through the whole pipeline. Every fact listed must come out and nothing else; order does not matter. Cases
 * marked `knownFailure` run with `test.fails`, so they error once the pipeline gets them right and the mark must
 * then be removed.
 */
// The sentence fixtures state every gold field but the base of a change.
const FIELDS = GOLD_FIELDS.filter((f): f is Exclude<typeof f, "comparedTo"> => f !== "comparedTo");
type ExpectedFact = Pick<Fact, (typeof FIELDS)[number]>;

interface SentenceCase {
  name: string;
  text: string;
  expected: ExpectedFact[];
  knownFailure?: string;
}

const cases = JSON.parse(readFileSync("tests/fixtures/sentences.json", "utf8")) as SentenceCase[];

function comparable(f: ExpectedFact): ExpectedFact {
  return Object.fromEntries(FIELDS.map((k) => [k, f[k]])) as ExpectedFact;
}

function sorted(facts: ExpectedFact[]): ExpectedFact[] {
  return facts
    .map(comparable)
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

function check(c: SentenceCase): void {
  const result = extractArticle(Buffer.from(c.text), "fixture.txt");
  expect(sorted(result.facts)).toEqual(sorted(c.expected));
}

describe("whole-pipeline sentence cases (tests/fixtures/sentences.json)", () => {
  const passing = cases.filter((c) => !c.knownFailure);
  const known = cases.filter((c) => c.knownFailure);
  if (passing.length) test.each(passing)("$name", check);
  if (known.length) test.fails.each(known)("$name (known failure: $knownFailure)", check);
});
