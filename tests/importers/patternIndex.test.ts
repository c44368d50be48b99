import { describe, expect, test } from "vitest";
import { RULES } from "../../importers/rules/engine";
import { compilePattern, mayMatch } from "../../importers/rules/pattern";
import { PatternIndex } from "../../importers/rules/patternIndex";
import { PIECES } from "../../importers/rules/pieces";

/**
 * The index of rules by what they require must give exactly the rules `mayMatch` lets through, in their order:
 * it only saves asking every rule.
 */
describe("the index of rules by their requirements", () => {
  const patterns = RULES.map((r) => compilePattern(r.pattern, PIECES, { appositions: r.kind === "stake" }));
  const index = new PatternIndex(patterns);
  const expected = (features: ReadonlySet<string>) => patterns.flatMap((p, i) => (mayMatch(p, features) ? [i] : []));
  // Every word or feature some rule requires, and a few no rule does.
  const vocabulary = [
    ...new Set(patterns.flatMap((p) => p.requires.flatMap((r) => [...r]))),
    "zebra",
    "the",
    ",",
  ].sort();

  test("gives the rules mayMatch gives, for sentences of random features", () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let matched = 0;
    for (let n = 0; n < 3000; n++) {
      const size = 1 + Math.floor(random() * 40);
      const features = new Set<string>();
      for (let k = 0; k < size; k++) features.add(vocabulary[Math.floor(random() * vocabulary.length)]);
      // Most sentences with a figure hold a company too.
      if (random() < 0.7) features.add("mention");
      features.add(["quantity:percent", "quantity:money", "quantity:count"][Math.floor(random() * 3)]);
      const want = expected(features);
      matched += want.length;
      expect(index.candidates(features)).toEqual(want);
    }
    // The sample reaches rules at all.
    expect(matched).toBeGreaterThan(100);
  });

  test("gives every rule for a sentence that holds everything, and none for one that holds nothing", () => {
    expect(index.candidates(new Set(vocabulary))).toEqual(expected(new Set(vocabulary)));
    expect(index.candidates(new Set())).toEqual([]);
  });
});
