import { clauseAround } from "../extract/clauses";
import { statusAround } from "../extract/status";
import { PUBLIC_BODY, subjectOf } from "../extract/subject";
import { whenOf } from "../extract/when";
import { CHANGE_WORDS } from "../lexicons/metrics";
import type { Match } from "./pattern";
import { changeRoles } from "./revenueChange";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { quantityOf } from "./tokens";

/** The line the figures are of, as written ("online", "data center"). */
// ("Cloud infrastructure revenue": a word may say which part of the line.)
const lineOf = (m: Match) =>
  [...(m.captures.line ?? []), ...(m.captures.qual ?? [])].map((t) => t.lower).join(" ") || null;

/** "Online sales jumped 18% to $5.1bn": the line's takings, under the company spoken of. */
function lineLevel(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const line = m.captures.line?.[0];
  if (!q || !line || q.unit === null) return [];
  const clause = clauseAround(s.text, q.start);
  const company = subjectOf(s.roles, line.start, clause);
  if (!company || PUBLIC_BODY.test(company.company)) return [];
  const when = whenOf(s.roles, q, clause, "FY");
  return [
    {
      figure: q,
      company: company.company,
      when,
      unit: q.unit,
      status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
      stated: company.how === "name" ? ["company"] : [],
      segment: lineOf(m),
    },
  ];
}

/** "Advertising revenue fell 3%": the line's change, by the way its verb moves. */
function lineChange(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const line = m.captures.line?.[0];
  const sign = CHANGE_WORDS[m.captures.move?.[0]?.lower ?? ""];
  if (!q || q.fraction || !line || (sign !== 1 && sign !== -1)) return [];
  const roles = changeRoles(s, q, sign, line.start);
  return roles ? [{ ...roles, segment: lineOf(m) }] : [];
}

/** Takings of a named line of business ("online sales", "advertising revenue"), filed as the company's segment. */
export const REVENUE_LINE_RULES: Rule[] = [
  {
    name: "revenue.line-moved-to",
    kind: "revenue",
    pattern:
      "line:{REVENUE_LINE} qual:infrastructure|platform|solutions|products|equipment|services? {REVENUE_NOUN} ...10 {LEVEL_MOVE} ...4 to {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Date: 20 May 2026\n\nCorvan results\n\nCorvan Stores said sales rose 2% in the quarter. Its online sales jumped 18% to $5.1 billion in the quarter.",
        expected: [{ kind: "revenue", company: "Corvan", low: 5100000000, period: "Q1", segment: "online" }],
      },
    ],
    build: lineLevel,
  },
  {
    name: "revenue.line-was",
    kind: "revenue",
    pattern:
      "line:{REVENUE_LINE} qual:infrastructure|platform|solutions|products|equipment|services? {REVENUE_NOUN} ...6 was|were|reached|totaled|totalled|came|stood in? at? {FIGURE_LEAD}? figure:{MONEY}",
    // ("Net bookings, a measure that captures digital sales when they are made, came in at": the line is what
    // another measure captures, not the subject of the verb.)
    when: (m, s) => !s.tokens.slice(m.from, m.to).some((t) => t.lower === "when"),
    examples: [
      {
        input:
          "Date: 12 February 2026\n\nHalden results\n\nHalden Media said revenue fell in the fourth quarter. Advertising revenue was $480 million.",
        expected: [{ kind: "revenue", company: "Halden", low: 480000000, period: "Q4", segment: "advertising" }],
      },
      {
        input:
          "Date: 12 February 2026\n\nHalden results\n\nHalden Chips said revenue rose in the fourth quarter. Data center revenue came in at $6.3 billion.",
        expected: [{ kind: "revenue", company: "Halden", low: 6300000000, period: "Q4", segment: "data center" }],
      },
    ],
    build: lineLevel,
  },
  {
    name: "revenue.line-aside-was",
    kind: "revenue",
    // The aside may be long and hold figures of its own ("which makes up about four fifths of the total").
    pattern:
      "line:{REVENUE_LINE} qual:infrastructure|platform|solutions|products|equipment|services? {REVENUE_NOUN} , which|that|including|by ...16 , was|were|reached|totaled|totalled|came|stood|rose|grew|climbed|hit|topped|exceeded in? at? {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Date: 12 February 2026\n\nHalden results\n\nHalden Chips said revenue rose in the fourth quarter. Data center revenue, which now makes up about four fifths of the total, reached $14.9 billion.",
        expected: [{ kind: "revenue", company: "Halden", low: 14900000000, period: "Q4", segment: "data center" }],
      },
      {
        input:
          "Date: 12 February 2026\n\nHalden results\n\nHalden Chips said revenue rose in the fourth quarter. Data center revenue, by far its biggest business, came in at $6.3 billion.",
        expected: [{ kind: "revenue", company: "Halden", low: 6300000000, period: "Q4", segment: "data center" }],
      },
    ],
    build: lineLevel,
  },
  {
    name: "revenue-change.line-moved",
    kind: "revenue_change",
    pattern:
      "line:{REVENUE_LINE} qual:infrastructure|platform|solutions|products|equipment|services? {REVENUE_NOUN} ...10 move:{CHANGE_WORD} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Date: 12 February 2026\n\nHalden results\n\nHalden Media said revenue fell in the fourth quarter. International revenue, which includes royalties from partners, climbed 11% to $790 million.",
        expected: [{ kind: "revenue_change", company: "Halden", low: 11, period: "Q4", segment: "international" }],
      },
    ],
    build: lineChange,
  },
];
