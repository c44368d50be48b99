import { baseShare } from "./marketShareRoles";
import type { Match } from "./pattern";
import type { Rule, RuleSentence } from "./rule";

/** "up from 4.1% a year earlier", "compared with 30.1% a year ago", "from 14.9% in the same period last year". */
const A_YEAR_BEFORE =
  /^\s*(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|in\s+the\s+same\s+(?:period|quarter|weeks|months|half))\b/i;
/** A sentence about a share of what a market buys, before its first figure. */
// ("exports accounted for 58 pct of sales" is a part of the company's own sales, no share of a market.)
const SHARE_WORDS =
  /\bshare\b|\bmarket\b|\bof\s+(?:all\s+)?(?:[\w-]+\s+){0,3}(?:spending|shipments|deliveries|registrations)\b|\bof\s+all\s+(?:[\w-]+\s+){0,3}(?:sales|sold)\b/i;
const NOT_SHARE_WORDS =
  /\b(?:stake|holding|shareholding|revenue|revenues|sales\s+(?:rose|fell|grew)|turnover|profit|margin)\b/i;

/**
 * A share compared with the same time a year before, however the share itself was said ("took 14.6% of grocery
 * spending in the 12 weeks to 6 March, up from 14.2% a year earlier", "slipped to 29.8%, compared with 30.1% a year
 * ago", after a sentence about shares).
 */
function aboutShares(m: Match, s: RuleSentence): boolean {
  const first = m.captures.first?.[0];
  const figure = m.captures.figure?.[0];
  if (!first || !figure || !A_YEAR_BEFORE.test(s.text.slice(figure.end, figure.end + 40))) return false;
  const before = s.text.slice(0, first.start);
  if (NOT_SHARE_WORDS.test(s.text.slice(0, figure.start)) || /\bby\s+$/i.test(before)) return false;
  // A company says whose share it is ("EVs accounted for 6% of all new cars sold, down from 8%" is a product's).
  if (!s.tokens.some((t) => t.type === "mention" && t.end <= first.start)) return false;
  return SHARE_WORDS.test(s.text.slice(0, figure.start)) || s.ctx.shareMarket?.age === 0;
}

export const MARKET_SHARE_BASE_RULES: Rule[] = [
  {
    name: "market-share.base-a-year-earlier",
    kind: "market_share",
    pattern:
      "first:{PERCENT} ...14 up|down? from|against|versus|compared with? {FIGURE_LEAD}? about|around|roughly|nearly|almost? figure:{PERCENT}",
    when: aboutShares,
    examples: [
      {
        input:
          "Date: 10 March 2005\n\nGrocers\n\nOstrel took 14.6% of grocery spending in the 12 weeks to 6 March, up from 14.2% a year earlier.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 14.2, year: 2004 }],
      },
      {
        input:
          "Date: 10 March 2005\n\nGrocers\n\nCorvan's share of the grocery market rose to 17.1%. Market leader Ostrel slipped to 29.8%, compared with 30.1% a year ago.",
        // (The share before it gives no time, so neither does the base.)
        expected: [{ kind: "market_share", company: "Ostrel", low: 30.1, year: null }],
      },
    ],
    build: (m, s) => baseShare(m, s, false),
  },
];
