import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findTimes, type TimeExpr } from "../../importers/recognise/time";

/**
 * Spec cases in the style of Recognizers-Text: each input sentence with every time expression findTimes must find
 * in it, in order, without offsets. Cases marked `knownFailure` run with `test.fails`, so they error once the
 * recogniser gets them right and the mark must then be removed.
 */
type ExpectedTime = Omit<TimeExpr, "start" | "end">;

interface TimeCase {
  input: string;
  expected: ExpectedTime[];
  knownFailure?: string;
}

const cases = JSON.parse(readFileSync("tests/fixtures/times.json", "utf8")) as TimeCase[];

function check(c: TimeCase): void {
  const found = findTimes(c.input).map(
    ({ text, year, period, relative, role }): ExpectedTime => ({ text, year, period, relative, role }),
  );
  expect(found).toEqual(c.expected);
}

describe("findTimes spec cases (tests/fixtures/times.json)", () => {
  const passing = cases.filter((c) => !c.knownFailure);
  const known = cases.filter((c) => c.knownFailure);
  if (passing.length) test.each(passing)("$input", check);
  if (known.length) test.fails.each(known)("$input (known failure: $knownFailure)", check);
});
