import type { Match } from "./pattern";
import type { Rule, RuleSentence } from "./rule";

/** The match opens its sentence: nothing, or only a word or two, stands before it. */
const opensSentence = (m: Match, s: RuleSentence) =>
  !s.tokens.slice(0, m.from).some((t) => t.type === "mention" || t.type === "person") && m.from <= 2;

/**
 * Counts that are no company's sales volume: a change in units, a market's count, a rate per day. Claimed for no
 * fact, as the rules of noFact.ts claim theirs; each example must give only the company's own volumes.
 */
export const NO_VOLUME_RULES: Rule[] = [
  {
    name: "not-volume.change-in-units",
    kind: null,
    // The thing counted pins it down further than a sales rule that reads the same count.
    pattern: "{CHANGE_WORD} of|by {FIGURE_LEAD}? {COUNT} ...2 {VOLUME_UNIT}",
    examples: [
      {
        input: "Car sales\n\nCorvan Motors said sales grew 2009 with an increase of 62,000 units on the year.",
        expected: [],
      },
      { input: "Car sales\n\nCorvan Motors said its sales rose by about 40,000 vehicles in 2009.", expected: [] },
    ],
  },
  {
    // "New car sales in Western Europe fell 3% to 1.4 million": a market's count, said before any company is.
    name: "not-volume.market-sales",
    kind: null,
    pattern: "{PRODUCT_WORD} sales|registrations in ...2 {PLACE} ...12 {COUNT}",
    when: opensSentence,
    examples: [
      {
        input:
          "Car market\n\nTamsin Auto is a carmaker. New car sales in Western Europe fell 3.4% in May to 1.3 million, the trade body said.",
        expected: [],
      },
    ],
  },
  {
    name: "not-volume.sales-of-in-place",
    kind: null,
    // "Sales of electric vehicles in Germany rose 21% to 41,000": the market's count, named by what was sold ("Sales
    // of its vans in Germany" are the firm's own, so no owner may come between).
    pattern: "sales|registrations|deliveries of what:...4 in|across ...2 {PLACE} ...12 {COUNT}",
    when: (m, s) =>
      opensSentence(m, s) &&
      !(m.captures.what ?? []).some((t) => t.type === "mention" || /^(?:its|their|his|her)$|['’]s$/.test(t.lower)),
    examples: [
      {
        input:
          "Deliveries\n\nDate: 2 April 2026\n\nVollmark Auto delivered 31,200 vehicles in the first quarter. Sales of electric vehicles in Germany rose 21% to 41,000 in the quarter.",
        expected: [{ kind: "sales_volume", company: "Vollmark Auto", low: 31200 }],
      },
    ],
  },
  {
    name: "not-volume.change-in-count",
    kind: null,
    pattern: "{CHANGE_WORD} of|by {FIGURE_LEAD}? {COUNT}",
    examples: [{ input: "Car sales\n\nCorvan Motors said its sales rose by about 40,000 in 2009.", expected: [] }],
  },
  {
    name: "not-volume.rate",
    kind: null,
    // "ships about 1 million barrels per day": a rate, no volume of a period (the gold's convention).
    pattern: "figure:{COUNT} {VOLUME_UNIT} per|a day|week",
    examples: [
      {
        input: "Oil exports\n\nHalden Petroleum said it ships about 1 million barrels per day to Asian buyers.",
        expected: [],
      },
    ],
  },
  {
    name: "not-volume.bare-rate",
    kind: null,
    pattern: "figure:{COUNT} per|a day|week",
    examples: [{ input: "Output\n\nHalden Petroleum said its fields pump 40,000 a day.", expected: [] }],
  },
];
