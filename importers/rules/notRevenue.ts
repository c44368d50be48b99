import type { Rule } from "./rule";

/**
 * Rules that claim a figure for no fact: they are more specific than the extractors' reading of the same words,
 * so the figure goes to nobody. Each example must give no fact at all.
 */
export const NOT_REVENUE_RULES: Rule[] = [
  {
    name: "not-revenue.same-store",
    kind: null,
    pattern: "{SAME_STORE} {SALES_NOUN} ...8 {PERCENT}",
    examples: [
      { input: "Halden Stores results\n\nHalden Stores said same-store sales rose 3.2% in the quarter.", expected: [] },
      {
        input: "Corvan trading\n\nCorvan's like-for-like sales fell 1.5% over Christmas, the retailer said.",
        expected: [],
      },
    ],
    build: () => [],
  },
  {
    name: "not-revenue.same-store-after",
    kind: null,
    pattern: "{PERCENT} ...3 {SALES_NOUN}? ...2 {SAME_STORE}",
    examples: [
      {
        input: "Quintera update\n\nQuintera reported a 4% rise in comparable-store sales for the year.",
        expected: [],
      },
    ],
    build: () => [],
  },
  {
    name: "not-revenue.macro",
    kind: null,
    pattern: "{MACRO_SALES} ...8 {PERCENT}",
    examples: [
      {
        input:
          "Shoppers spend less\n\nRetail sales rose 0.7% in March, the Commerce Department said, as Tamsin Auto shares slipped.",
        expected: [],
      },
    ],
    build: () => [],
  },
];
