import { FORECAST_CUES, TARGET_CUES } from "../lexicons/status";
import type { Rule } from "./rule";

/**
 * Percentages that are no fact of their own: a part's share of sales ("Asia accounted for 38% of its sales, up from
 * 31%"), a share price's move said beside a revenue, and the part sold when the holding it leaves is stated.
 */
export const PROPORTION_RULES: Rule[] = [
  {
    name: "not-revenue.part-of-sales",
    kind: null,
    pattern: "figure:{PERCENT} of ...3 {REVENUE_NOUN}",
    examples: [{ input: "Exports\n\nCorvan Pumps said 34 per cent of its sales now come from Asia.", expected: [] }],
  },
  {
    name: "not-revenue.part-of-sales-before",
    kind: null,
    pattern: "{PERCENT} of ...3 {REVENUE_NOUN} ...6 from figure:{PERCENT}",
    examples: [
      {
        input:
          "Exports\n\nCorvan Pumps said Asia accounted for 52 per cent of its sales, up from 44 per cent a year earlier.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.part-made-up",
    kind: null,
    pattern:
      "made|make|makes|accounted|accounts|account up|for {FIGURE_LEAD}? figure:{PERCENT} of ...2 total|turnover|revenue|revenues|sales",
    examples: [
      {
        input: "Snacks\n\nCorvan Foods said sales to supermarkets made up 71 per cent of the total.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.stock-move",
    kind: null,
    pattern: "stock|shares|price ...3 {CHANGE_WORD} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Biotech\n\nCorvan, which reported revenue of $88 million last year, has seen its stock fall 35% over the past 12 months.",
        expected: [{ kind: "revenue", company: "Corvan", low: 88000000 }],
      },
    ],
  },
  {
    name: "not-stake.sold-then-total",
    kind: null,
    // "sold 2% of the shares, reducing her holding to 18%": the holding the sale leaves is the stake (the gold's
    // convention, as for a stake raised to a new level).
    pattern:
      "sold|bought|acquired|sells|buys figure:{PERCENT} ...10 {STAKE_CHANGE} {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} to",
    // "bought 9.9% and plans to raise its holding to 25%": a holding aimed at is not what the purchase left.
    when: (m, s) => !s.tokens.slice(m.from, m.to).some((t) => AIMED.has(t.lower)),
    examples: [
      {
        input: "Stake cut\n\nCorvan Tool said founder Jane Keane had sold 2%, reducing her holding to 18%.",
        expected: [{ kind: "stake", company: "Jane Keane", counterparty: "Corvan Tool", low: 18 }],
      },
    ],
  },
  {
    name: "not-revenue.converted-figure",
    kind: null,
    // "46.1 trillion yen, or about $297 billion": a figure given in two currencies is the first one's.
    pattern: "first:{MONEY} , or {FIGURE_LEAD}? figure:{MONEY}",
    when: (m) => {
      const [a, b] = [m.captures.first?.[0], m.captures.figure?.[0]];
      return a?.type === "quantity" && b?.type === "quantity" && a.quantity.unit !== b.quantity.unit;
    },
    examples: [
      {
        input:
          "Date: 3 June 2026\n\nResults\n\nCorvan reported revenue of 148 billion yuan, or roughly $20.6 billion, for 2025.",
        expected: [{ kind: "revenue", company: "Corvan", low: 148000000000, unit: "CNY" }],
      },
    ],
  },
];

const AIMED = new Set([...TARGET_CUES, ...FORECAST_CUES]);
