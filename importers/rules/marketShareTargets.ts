import { aimedAfterShare, aimedNextShare, currentShare } from "./marketShareRoles";
import type { Match } from "./pattern";
import type { Rule, RuleSentence } from "./rule";

/** "aimed to increase sales by 5%", "plans to raise its stake to 51%": what is aimed at is another figure. */
const OTHER_AIM =
  /^(?:sales|revenues?|turnover|profits?|earnings|stake|holding|interest|shares|stock|output|production)$/;
function aimsAtShare(m: Match, s: RuleSentence): boolean {
  const figure = s.tokens.indexOf(m.captures.figure?.[0]);
  let from = figure - 1;
  while (from > m.from && !/^(?:aim|hop|target|plan|want|goal|ambition)/.test(s.tokens[from].lower)) from--;
  if (s.tokens.slice(from, figure).some((t) => OTHER_AIM.test(t.lower))) return false;
  // "raised its stake in Corvan to 45 pct and hoped to reach 51 pct": a holding aimed at, in a sentence of no market.
  // (The 30 tokens before the figure are asked: a long sentence of many aims stays linear.)
  const before = s.tokens.slice(Math.max(0, figure - 30), figure);
  return !(before.some((t) => STAKE_WORDS.has(t.lower)) && !before.some((t) => /^(?:market|share)$/.test(t.lower)));
}
const STAKE_WORDS = new Set(["stake", "holding", "interest", "shareholding"]);

/** Market shares a company aims for, said after the share it holds. */
export const MARKET_SHARE_TARGET_RULES: Rule[] = [
  {
    name: "market-share.aims-after-share",
    kind: "market_share",
    pattern: "first:{PERCENT} of ...6 {MARKET_WORD} ...12 {AIM_LEAD} ...5 figure:{PERCENT}",
    when: aimsAtShare,
    examples: [
      {
        input:
          "Databases\n\nHalden Data holds about 9% of the worldwide cloud database market and aims to reach 15% by 2027, its chief executive said.",
        expected: [{ kind: "market_share", company: "Halden Data", low: 15, year: 2027, status: "target" }],
      },
    ],
    build: aimedAfterShare,
  },
  {
    name: "market-share.aims-to-lift-that",
    kind: "market_share",
    // "that" ties the aim to the share however far back it was said.
    pattern:
      "first:{PERCENT} of ...6 {MARKET_WORD} ...24 {AIM_LEAD} to? lift|raise|increase|push|take|grow|get that|this|it up? to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Fashion\n\nCorvan now has 7.4% of the UK womenswear market, according to researchers at Halden Data, and chief executive Jane Keane said she hopes to lift that to 10% by 2008.",
        expected: [{ kind: "market_share", company: "Corvan", low: 10, year: 2008, status: "target" }],
      },
    ],
    build: aimedAfterShare,
  },
  {
    name: "market-share.aims-after-share-of",
    kind: "market_share",
    pattern: "share of ...6 {MARKET_WORD} ...8 first:{PERCENT} ...12 {AIM_LEAD} ...5 figure:{PERCENT}",
    when: aimsAtShare,
    examples: [
      {
        input:
          "Prepay\n\nOstrel Mobile said its share of the UK prepay mobile market had reached 18 per cent at the end of June, and set a goal of 25 per cent by the end of 2008.",
        expected: [{ kind: "market_share", company: "Ostrel Mobile", low: 25, year: 2008, status: "target" }],
      },
    ],
    build: aimedAfterShare,
  },
  {
    name: "market-share.aims-next",
    kind: "market_share",
    pattern: "{AIM_LEAD} ...5 figure:{PERCENT} share? by",
    when: (m, s) => s.ctx.shareMarket !== null && aimsAtShare(m, s),
    examples: [
      {
        input:
          "Vans\n\nCorvan Motors said its share of the European electric van market rose to 11% last year. The company is targeting a 15% share by the end of 2027.",
        expected: [{ kind: "market_share", company: "Corvan Motors", low: 15, year: 2027, status: "target" }],
      },
      {
        input:
          "Prepay\n\nOstrel Mobile said its share of the UK prepay mobile market had reached 18 per cent. It set a goal of 25 per cent by the end of 2008.",
        expected: [{ kind: "market_share", company: "Ostrel Mobile", low: 25, year: 2008, status: "target" }],
      },
    ],
    build: aimedNextShare,
  },
  {
    name: "market-share.aimed-from-now",
    kind: "market_share",
    // The aimed-for share is the first figure; the one "now" or "today" is held.
    pattern:
      "first:{PERCENT} share? of ...6 {MARKET_WORD} ...12 from {FIGURE_LEAD}? figure:{PERCENT} now|today|currently",
    examples: [
      {
        input:
          "Drinks\n\nHalden Drinks still targets a 25% share of the U.S. sparkling water market by 2028, up from about 14% today.",
        expected: [{ kind: "market_share", company: "Halden Drinks", low: 14, year: null, status: "actual" }],
      },
    ],
    build: currentShare,
  },
  {
    name: "market-share.lift-share-from-now",
    kind: "market_share",
    pattern:
      "share in:of? the? market:...8 to {FIGURE_LEAD}? first:{PERCENT} ...6 from {FIGURE_LEAD}? figure:{PERCENT} now|today|currently",
    examples: [
      {
        input:
          "Drinks\n\nHalden Drinks aims to lift its share of the US sparkling water market to 30% by 2028, from about 24% now.",
        expected: [{ kind: "market_share", company: "Halden Drinks", low: 24, year: null, status: "actual" }],
      },
    ],
    build: currentShare,
  },
  {
    name: "market-share.lift-share-from-present",
    kind: "market_share",
    pattern:
      "share in:of? the? market:...8 to {FIGURE_LEAD}? first:{PERCENT} ...6 from its|their {CURRENT} figure:{PERCENT}",
    examples: [
      {
        input:
          "Glue\n\nOstrel Corp said the purchase would lift its share of the U.S. market for adhesives to about 18 pct from its present 12 pct.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 12, year: null, status: "actual" }],
      },
    ],
    build: currentShare,
  },
];
