import { describe, expect, test } from "vitest";
import { emptyScore, factsMatch, type GoldFact, prf, scoreArticle } from "../../importers/eval/score";

const base: GoldFact = {
  kind: "revenue",
  company: "Time Warner",
  counterparty: null,
  market: null,
  year: 2004,
  period: "FY",
  low: 42090000000,
  high: 42090000000,
  unit: "USD",
  status: "actual",
  approximate: false,
  comparedTo: null,
};

describe("scoring extracted facts against gold", () => {
  test.each([
    ["same fact", {}, true],
    ["spelling of the company without its space", { company: "TimeWarner" }, true],
    ['the company with a leading "the"', { company: "the Time Warner" }, true],
    ['"the" inside a name still counts', { company: "Time the Warner" }, false],
    ["joint subject in another order", { company: "Warner + Time" }, false],
    ["another year", { year: 2003 }, false],
    ["another period", { period: "Q4" }, false],
    ["another currency", { unit: "EUR" }, false],
    ["a figure 0.1% off (rounding)", { low: 42100000000, high: 42100000000 }, true],
    ["a figure 5% off", { low: 44000000000, high: 44000000000 }, false],
    ["status is scored separately", { status: "forecast" }, true],
  ] as const)("%s", (_name, change, matches) => {
    expect(factsMatch({ ...base, ...change } as GoldFact, base)).toBe(matches);
  });

  test("joint subjects match in any order", () => {
    const g = { ...base, company: "Renault + Nissan + AvtoVAZ" };
    expect(factsMatch({ ...g, company: "Nissan + Renault + AvtoVAZ" }, g)).toBe(true);
  });

  test("stakes must agree on the held company", () => {
    const g: GoldFact = {
      ...base,
      kind: "stake",
      counterparty: "Nissan",
      unit: "percent",
      low: 43,
      high: 43,
      year: null,
      period: null,
    };
    expect(factsMatch({ ...g }, g)).toBe(true);
    expect(factsMatch({ ...g, counterparty: "Renault" }, g)).toBe(false);
  });

  test("things counted compare by their class (a known noun's, with words before it), other units exactly", () => {
    const g: GoldFact = { ...base, kind: "sales_volume", unit: "trucks", low: 18450, high: 18450 };
    expect(factsMatch({ ...g, unit: "vehicles" }, g)).toBe(true);
    expect(factsMatch({ ...g, unit: "Cars" }, g)).toBe(true);
    expect(factsMatch({ ...g, unit: "aircraft" }, g)).toBe(false);
    expect(factsMatch({ ...g, unit: "heavy trucks" }, g)).toBe(true);
    expect(factsMatch({ ...g, unit: "vehicles" }, { ...g, unit: "electric vehicles" })).toBe(true);
    expect(factsMatch({ ...g, unit: "aircraft" }, { ...g, unit: "commercial jets" })).toBe(true);
    expect(factsMatch({ ...g, unit: "shipsets" }, { ...g, unit: "wing shipsets" })).toBe(false);
    expect(factsMatch({ ...base, unit: "EUR" }, base)).toBe(false);
    // A measure of a thing is the measure: "2.1 mln tonnes of coal" read as tonnes is right, as coke is not.
    expect(factsMatch({ ...g, unit: "tonnes" }, { ...g, unit: "tonnes of coal" })).toBe(true);
    expect(factsMatch({ ...g, unit: "hectolitres" }, { ...g, unit: "Hectolitres of beer" })).toBe(true);
    expect(factsMatch({ ...g, unit: "barrels" }, { ...g, unit: "tonnes of coal" })).toBe(false);
  });

  test("precision, recall and F1 count each fact once", () => {
    const score = emptyScore();
    const other = { ...base, year: 2003 };
    scoreArticle(
      score,
      { file: "a", publishedYear: 2005, facts: [base, other] },
      [base, { ...base, unit: "EUR" }],
      2005,
    );
    expect(score.total).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(prf(score.total)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(score.publishedYearAgree).toBe(1);
    expect(score.misses.map((m) => m.fact.year)).toEqual([2003]);
  });
});
