import { describe, expect, test } from "vitest";
import { extractArticle } from "../../importers/pipeline";
import { RULES } from "../../importers/rules/engine";
import { compilePattern } from "../../importers/rules/pattern";
import { PIECES } from "../../importers/rules/pieces";
import type { Fact } from "../../importers/types";

/**
 * Every rule carries its own examples, as duckling's rules do: each runs through the whole pipeline, and each
 * expected fact must come out with the fields listed, produced by that very rule (not by another that happens to
 * agree).
 */
describe("every rule on its own examples", () => {
  test("rule names are unique and every pattern compiles", () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const r of RULES) expect(compilePattern(r.pattern, PIECES).elements.length).toBeGreaterThan(0);
  });

  const cases = RULES.flatMap((rule) =>
    rule.examples.map((example, i) => ({ name: `${rule.name} #${i + 1}`, rule, example })),
  );
  test.each(cases)("$name", ({ rule, example }) => {
    const result = extractArticle(Buffer.from(example.input), "example.txt", { explain: true });
    const facts = result.facts;
    if (rule.kind === null) {
      // A rule that gives no fact must have claimed a figure; the example's facts (of other rules, if any) are
      // all that come out.
      expect(result.explain?.blocked.some((b) => b.rule === rule.name)).toBe(true);
      const keys = [...new Set(example.expected.flatMap((e) => Object.keys(e)))] as Array<keyof Fact>;
      const pick = (f: Partial<Fact>) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, f[k] ?? null])));
      expect(facts.map(pick).sort()).toEqual(example.expected.map(pick).sort());
      return;
    }
    expect(example.expected.length).toBeGreaterThan(0);
    const keys = [...new Set(example.expected.flatMap((e) => Object.keys(e)))] as Array<keyof Fact>;
    const pick = (f: Partial<Fact>) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, f[k] ?? null])));
    const byRule = facts
      .filter((f) => f.rule === rule.name)
      .map(pick)
      .sort();
    expect(byRule).toEqual(example.expected.map(pick).sort());
  });
});

describe("a pattern that names no known piece", () => {
  test("fails at compile time with the piece's name", () => {
    expect(() => compilePattern("{NO_SUCH_PIECE} rose", PIECES)).toThrow(/no piece \{NO_SUCH_PIECE\}/);
  });
});

describe("the token pass", () => {
  test("a closing stop is a token of its own, except on an abbreviation", async () => {
    const { tokenize } = await import("../../importers/rules/tokens");
    const words = (s: string) => tokenize(s, [], [], []).map((t) => t.text);
    expect(words("Corvan Corp. owns oil and gas properties.")).toEqual([
      "Corvan",
      "Corp.",
      "owns",
      "oil",
      "and",
      "gas",
      "properties",
      ".",
    ]);
    expect(words("It sold U.S. assets vs. gas.")).toEqual(["It", "sold", "U.S.", "assets", "vs.", "gas", "."]);
  });
});
