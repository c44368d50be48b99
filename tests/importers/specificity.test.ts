import { describe, expect, test } from "vitest";
import { settleBySpecificity } from "../../importers/refine/specificity";
import type { Candidate } from "../../importers/rules/engine";
import type { Fact } from "../../importers/types";

const fact = (over: Partial<Fact>): Fact => ({
  kind: "revenue",
  company: "Halden Tool",
  counterparty: null,
  market: null,
  year: 2009,
  period: "FY",
  low: 1,
  high: 1,
  unit: "USD",
  status: "actual",
  approximate: false,
  comparedTo: null,
  quote: "",
  start: 0,
  end: 10,
  figureStart: 5,
  figureEnd: 9,
  stated: [],
  aliases: {},
  ...over,
});

const rule = (name: string, specificity: number, f: Fact | null, start = 5, end = 9, span = 3): Candidate => ({
  rule: name,
  specificity,
  span,
  figureStart: start,
  figureEnd: end,
  fact: f && { ...f, rule: name },
});

describe("settling candidates by specificity", () => {
  test("the most specific rule wins a figure whatever order the candidates come in", () => {
    const a = rule("narrow", 5, fact({ company: "A" }));
    const b = rule("broad", 2, fact({ company: "B" }));
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const { facts, lost } = settleBySpecificity(order);
      expect(facts.map((f) => f.company)).toEqual(["A"]);
      expect(lost).toEqual([
        { rule: "broad", fact: { ...fact({ company: "B" }), rule: "broad" }, figureStart: 5, lostTo: "narrow" },
      ]);
    }
  });

  test("the least specific candidate loses a contested figure and keeps a figure no other rule claims", () => {
    const broad = rule("broad", 0, fact({ company: "Old" }));
    const alone = rule("broad", 0, fact({ company: "Alone", figureStart: 20, figureEnd: 24 }), 20, 24);
    const { facts, lost } = settleBySpecificity([broad, alone, rule("table.row", 1, fact({ company: "New" }))]);
    expect(facts.map((f) => [f.company, f.rule])).toEqual([
      ["New", "table.row"],
      ["Alone", "broad"],
    ]);
    expect(lost.map((l) => [l.rule, l.lostTo])).toEqual([["broad", "table.row"]]);
  });

  test("a rule that gives no fact takes the figure from a less specific one", () => {
    const { facts, lost, blocked } = settleBySpecificity([
      rule("profit-row", 4, null),
      rule("revenue", 2, fact({}), 6, 8),
    ]);
    expect(facts).toEqual([]);
    expect(blocked).toEqual([{ rule: "profit-row", figureStart: 5 }]);
    expect(lost.map((l) => l.lostTo)).toEqual(["profit-row"]);
  });

  test("of equally specific rules the longer match wins", () => {
    const { facts } = settleBySpecificity([
      rule("short", 3, fact({ company: "S" }), 5, 9, 4),
      rule("long", 3, null, 5, 9, 9),
    ]);
    expect(facts).toEqual([]);
  });

  test("equally specific rules of equal length both stay", () => {
    const { facts } = settleBySpecificity([rule("x", 3, fact({ company: "X" })), rule("y", 3, fact({ company: "Y" }))]);
    expect(facts.map((f) => f.company).sort()).toEqual(["X", "Y"]);
  });
});
