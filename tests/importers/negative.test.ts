import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";
import type { Fact } from "../../importers/types";

/**
 * Invented articles whose figures are of kinds the contract leaves out (profits, market value, deal prices,
 * fundraises, debts, share prices, per-share figures, dividends, cost cuts, changes in units, macro data, rates,
 * tax, production, recalls, subscribers, orders, ownership ceilings, bios): each must yield no facts at all.
 * Cases marked `knownFailure` run with `test.fails`, so they error once the pipeline gets them right and the
 * mark must then be removed.
 */
interface NegativeCase {
  name: string;
  text: string;
  knownFailure?: string;
}

const cases = JSON.parse(readFileSync("tests/fixtures/negative.json", "utf8")) as NegativeCase[];

const brief = (f: Fact) => `${f.kind} ${f.company} ${f.low}..${f.high} ${f.unit} ${f.year ?? "-"} ${f.period ?? "-"}`;

function check(c: NegativeCase): void {
  const result = extractArticle(Buffer.from(c.text), "fixture.txt");
  expect(result.facts.map(brief)).toEqual([]);
}

describe("texts that must yield no facts (tests/fixtures/negative.json)", () => {
  const passing = cases.filter((c) => !c.knownFailure);
  const known = cases.filter((c) => c.knownFailure);
  if (passing.length) test.each(passing)("$name", check);
  if (known.length) test.fails.each(known)("$name (known failure: $knownFailure)", check);
});
