import { followingRevenue, metricIsFigures, revenueLevel, totalRevenue } from "./revenueRoles";
import type { Rule } from "./rule";

/**
 * Revenue levels in running text: a money figure and the revenue word the metric finder gives it, and figures said
 * after one (its base, or a figure listed beside it). Tables have their own rules.
 */
export const REVENUE_RULES: Rule[] = [
  {
    name: "revenue.metric-then-figure",
    kind: "revenue",
    pattern: "metric:{REVENUE_NOUN} ...24 figure:{MONEY}",
    when: metricIsFigures,
    examples: [
      {
        input: "Results\n\nNorvale Motors reported revenue of €12.4bn for 2009.",
        expected: [{ kind: "revenue", company: "Norvale Motors", low: 12400000000, unit: "EUR", year: 2009 }],
      },
      {
        input: "Outlook\n\nCorvan Foods said it expects sales to reach about $2.1bn in 2010.",
        expected: [{ kind: "revenue", company: "Corvan Foods", low: 2100000000, year: 2010, status: "forecast" }],
      },
    ],
    build: revenueLevel,
  },
  {
    name: "revenue.figure-then-metric",
    kind: "revenue",
    pattern: "figure:{MONEY} ...4 metric:{REVENUE_NOUN}",
    when: metricIsFigures,
    examples: [
      {
        input: "New plant\n\nHalden Tools, which has $840m in annual sales, opened a plant in 2005.",
        expected: [{ kind: "revenue", company: "Halden Tools", low: 840000000, unit: "USD" }],
      },
    ],
    build: revenueLevel,
  },
  {
    name: "revenue.base-or-listed",
    kind: "revenue",
    pattern: "first:{MONEY} ...10 figure:{MONEY}",
    overlapping: true,
    examples: [
      {
        input: "Sales\n\nOstrel Stores said sales rose to £3.1bn in 2004 from £2.8bn.",
        expected: [{ kind: "revenue", company: "Ostrel Stores", low: 2800000000, year: 2003, unit: "GBP" }],
      },
      {
        input: "Sales\n\nOstrel Stores had revenue of £3.1bn in 2004 and £2.8bn in 2003.",
        expected: [{ kind: "revenue", company: "Ostrel Stores", low: 2800000000, year: 2003, unit: "GBP" }],
      },
    ],
    build: followingRevenue,
  },
  {
    name: "revenue.bringing-total-to",
    kind: "revenue",
    // "reached 4.4bn euros in the quarter, bringing the total for the first nine months to 13.1bn euros", "while for
    // the year as a whole they reached 4.42bn euros": a longer period's takings, said after a part's.
    pattern:
      "first:{MONEY} ...10 , bringing|taking|lifting|while|and ...6 total|they|it ...8 to|reached|totalled|totaled|were|was {FIGURE_LEAD}? figure:{MONEY}",
    overlapping: true,
    examples: [
      {
        input:
          "Sales\n\nOstrel Stores said turnover in the three months to September reached 4.4bn euros, bringing the total for the first nine months of 2004 to 13.1bn euros.",
        expected: [{ kind: "revenue", company: "Ostrel Stores", low: 13100000000, year: 2004, period: "9M" }],
      },
      {
        input:
          "Sales\n\nOstrel Stores said sales in the fourth quarter of 2004 rose 7% to 1.16bn euros, while for the year as a whole they reached 4.42bn euros.",
        expected: [{ kind: "revenue", company: "Ostrel Stores", low: 4420000000, year: 2004, period: "FY" }],
      },
    ],
    build: totalRevenue,
  },
  {
    name: "revenue.base-after-change",
    kind: "revenue",
    // "revenue of $6.4bn for its fiscal first quarter, which ended Dec. 27, up 18% from $5.4bn": a base the
    // change names, however far the sum's period runs on.
    pattern: "first:{MONEY} ...14 up|down {PERCENT} from figure:{MONEY}",
    overlapping: true,
    examples: [
      {
        input:
          "Date: 20 April 2025\n\nChips\n\nOstrel Devices reported revenue of $6.42 billion for the first quarter, which ended March 31, up 18% from $5.44 billion a year earlier.",
        expected: [
          { kind: "revenue", company: "Ostrel Devices", low: 5440000000, year: 2024, period: "Q1", unit: "USD" },
        ],
      },
    ],
    build: followingRevenue,
  },
  {
    name: "revenue.base-after-period",
    kind: "revenue",
    // "revenue of $1.46bn for its fiscal first quarter, which ended September 27, up from $1.23bn a year earlier":
    // a base said with "up from" after a long period.
    pattern: "first:{MONEY} ...16 , up|down from {FIGURE_LEAD}? figure:{MONEY}",
    overlapping: true,
    examples: [
      {
        input:
          "Date: 20 November 2025\n\nAppliances\n\nOstrel Home posted revenue of $1.46 billion for its fiscal first quarter, which ended September 27, up from $1.23 billion a year earlier.",
        expected: [{ kind: "revenue", company: "Ostrel Home", low: 1230000000, year: 2024, period: "Q1", unit: "USD" }],
      },
    ],
    build: followingRevenue,
  },
];
