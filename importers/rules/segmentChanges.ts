import { CHANGE_WORDS } from "../lexicons/metrics";
import type { Quantity } from "../recognise/quantities";
import type { Match } from "./pattern";
import { changeRoles } from "./revenueChange";
import { NOT_TAKINGS, saidNear, segmentRevenue } from "./revenueSegments";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { quantityOf } from "./tokens";

/**
 * "The foundry unit brought in $4.4bn, up 8% from a year earlier", "generated $7.2bn of that, a 27% jump": the
 * change said after a part's takings is that part's, of the same company and period as the takings.
 */
function changeAfterTakings(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const lead = m.captures.lead?.[0]?.lower;
  if (!q || q.fraction || !lead) return [];
  // "up 8%", "down 2%"; "a 27% jump", "an 8% fall": the word after the figure says which way.
  const after = s.tokens[s.tokens.indexOf(m.captures.figure[0]) + 1]?.lower ?? "";
  const sign = lead === "up" ? 1 : lead === "down" ? -1 : (CHANGE_WORDS[after] ?? CHANGE_NOUN_SIGNS[after]);
  if (sign !== 1 && sign !== -1) return [];
  return partChange(m, s, q, sign);
}

/** "Its skin care business grew 15% to $1.3 billion": the change of a part whose takings it moved to. */
function changeToTakings(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const sign = CHANGE_WORDS[m.captures.move?.[0]?.lower ?? ""];
  if (!q || q.fraction || (sign !== 1 && sign !== -1)) return [];
  return partChange(m, s, q, sign);
}

/** The change of the part whose takings the match names (its "money"), of that part's company and period. */
function partChange(m: Match, s: RuleSentence, q: Quantity, sign: 1 | -1): FactRoles[] {
  const [takings] = segmentRevenue({ ...m, captures: { ...m.captures, figure: m.captures.money } }, s);
  if (!takings?.segment) return [];
  const roles = changeRoles(s, q, sign, s.tokens[m.from].start);
  return roles ? [{ ...roles, company: takings.company, when: takings.when, segment: takings.segment }] : [];
}

/** Nouns of change after a figure ("a 27% jump"), by the way they move. */
const CHANGE_NOUN_SIGNS: Record<string, 1 | -1> = {
  increase: 1,
  rise: 1,
  jump: 1,
  gain: 1,
  climb: 1,
  surge: 1,
  drop: -1,
  fall: -1,
  decline: -1,
  decrease: -1,
};

export const SEGMENT_CHANGE_RULES: Rule[] = [
  {
    name: "revenue-change.segment-takings-then-change",
    kind: "revenue_change",
    pattern:
      "segment:{SEGMENT_NOUN} ...16 {SEGMENT_TAKINGS} {FIGURE_LEAD}? money:{MONEY} ...6 , lead:up|down|a|an figure:{PERCENT}",
    examples: [
      {
        input:
          "Date: 24 October 2026\n\nChips\n\nCorvan Semiconductor said revenue rose 6% to $13.1 billion in the third quarter. The foundry unit, which makes chips for other companies, brought in $4.4 billion, up 8% from a year earlier.",
        expected: [
          {
            kind: "revenue_change",
            company: "Corvan Semiconductor",
            low: 8,
            year: 2026,
            period: "Q3",
            segment: "foundry",
          },
        ],
      },
      {
        input:
          "Date: 24 October 2026\n\nCloud\n\nOstrel Systems said revenue was $21 billion in the second quarter. Its cloud unit generated $7.2 billion of that, a 27% jump.",
        expected: [
          { kind: "revenue_change", company: "Ostrel Systems", low: 27, year: 2026, period: "Q2", segment: "cloud" },
        ],
      },
    ],
    build: changeAfterTakings,
  },
  {
    name: "revenue-change.segment-moved-to",
    kind: "revenue_change",
    pattern:
      "its|the|their ...3 segment:{SEGMENT_NOUN} ...10 move:{CHANGE_WORD} figure:{PERCENT} to {FIGURE_LEAD}? money:{MONEY}",
    // ("operating profit from its supply arm fell 24% to £118m": no takings.)
    when: (m, s) => !saidNear(m, s, NOT_TAKINGS),
    examples: [
      {
        input:
          "Date: 20 October 2026\n\nBeauty\n\nCorvan Beauty said third-quarter revenue rose 6%. Its skin care business, long a laggard, grew 15% to $1.3 billion.",
        expected: [{ kind: "revenue_change", company: "Corvan Beauty", low: 15, period: "Q3", segment: "skin care" }],
      },
    ],
    build: changeToTakings,
  },
];
