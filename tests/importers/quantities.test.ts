import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findQuantities, type Quantity } from "../../importers/recognise/quantities";

/**
 * Spec cases in the style of Recognizers-Text: each input sentence with every figure findQuantities must find in it,
 * in order. Cases marked `knownFailure` run with `test.fails`, so they error once the recogniser gets them right
 * and the mark must then be removed.
 */
interface ExpectedQuantity {
  kind: Quantity["kind"];
  low: number;
  high: number;
  unit: string | null;
  approximate: boolean;
  /** Optional: the figure's surface text. */
  text?: string;
  /** Optional: written as a fraction word. */
  fraction?: boolean;
  /** Optional: a bare year. */
  isYear?: boolean;
}

interface QuantityCase {
  input: string;
  expected: ExpectedQuantity[];
  knownFailure?: string;
}

const cases = JSON.parse(readFileSync("tests/fixtures/quantities.json", "utf8")) as QuantityCase[];

/** Fractions are stored rounded ("a third" = 33.333333): equal within a millionth counts as equal. */
function sameNumber(actual: number, expected: number): number {
  return Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)) ? expected : actual;
}

/** The actual quantity reduced to the fields the expected one names, so a failure shows a readable diff. */
function project(q: Quantity, e: ExpectedQuantity | undefined): Partial<Quantity> {
  const out: Partial<Quantity> = {
    kind: q.kind,
    low: e ? sameNumber(q.low, e.low) : q.low,
    high: e ? sameNumber(q.high, e.high) : q.high,
    unit: q.unit,
    approximate: q.approximate,
  };
  if (!e || e.text !== undefined) out.text = q.text;
  if (!e || e.fraction !== undefined) out.fraction = q.fraction;
  if (!e || e.isYear !== undefined) out.isYear = q.isYear;
  return out;
}

function check(c: QuantityCase): void {
  const found = findQuantities(c.input);
  expect(found.map((q, i) => project(q, c.expected[i]))).toEqual(c.expected);
}

describe("findQuantities spec cases (tests/fixtures/quantities.json)", () => {
  const passing = cases.filter((c) => !c.knownFailure);
  const known = cases.filter((c) => c.knownFailure);
  if (passing.length) test.each(passing)("$input", check);
  if (known.length) test.fails.each(known)("$input (known failure: $knownFailure)", check);
});
