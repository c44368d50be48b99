import { clauseAround } from "../extract/clauses";
import { shareWhen } from "../extract/when";
import { GROUP_NOUNS, SHARE_CAPITAL_NOUNS, STAKE_NOUNS } from "../lexicons/stakes";
import {
  baseShare,
  continuedShare,
  currentShare,
  figureOf,
  notAMarket,
  shareAfter,
  shareBefore,
} from "./marketShareRoles";
import type { Match } from "./pattern";
import { PIECES, tokenIs } from "./pieces";
import type { Rule, RuleSentence } from "./rule";
import { spokenOfAsHolder } from "./stakeRoles";

/** "for the whole of 1986", "for all of 1986", "for 1986": the time a figure is of, not whose it is. */
const FOR_A_TIME =
  /^for\s+(?:the\s+(?:whole|full)\s+(?:of\s+)?|all\s+of\s+|the\s+(?:same\s+)?(?:year|period|quarter|half)\b|(?:fiscal\s+)?(?:19|20)\d\d\b)/i;

/** "$2.87 a share, and the margin improved to 16.8% from 15.9%": a price per share opens no market share. */
/** Words of a holding: a percentage among them is a stake, whatever verb ("holds", "at") leads to it. */
const STAKE_CONTEXT = new Set(
  [...STAKE_NOUNS, ...SHARE_CAPITAL_NOUNS, ...GROUP_NOUNS].filter((w) => !w.includes(" ") && w !== "position"),
);

const notPerShare = (m: Match, s: RuleSentence) => !/^(?:a|per|each)$/.test(s.tokens[m.from - 1]?.lower ?? "");

/** Market shares, as business pages of every era write them. */
export const MARKET_SHARE_RULES: Rule[] = [
  {
    name: "market-share.pct-market-share",
    kind: "market_share",
    pattern: "figure:{PERCENT} market share",
    when: (m, s) => !notAMarket(s, m.to),
    examples: [
      {
        input: "Phones abroad\n\nCorvan Mobile has a 20% market share in Germany, it said.",
        expected: [{ kind: "market_share", company: "Corvan Mobile", market: "Germany", low: 20 }],
      },
    ],
    build: shareAfter,
  },
  {
    name: "market-share.pct-of-market",
    kind: "market_share",
    pattern: "figure:{PERCENT} share? of ...6 market",
    // "half of their market share" is a part of a share, not a share.
    when: (m, s) => !notAMarket(s, m.to) && s.tokens[m.to]?.lower !== "share",
    examples: [
      {
        input: "Brewer grows\n\nHalden Beer now sells 25% of the Russian beer market, the brewer said.",
        expected: [{ kind: "market_share", company: "Halden Beer", market: "Russia", low: 25 }],
      },
    ],
    build: shareAfter,
  },
  {
    name: "market-share.pct-share-near-market",
    kind: "market_share",
    pattern: "figure:{PERCENT} share ...8 {MARKET_WORD}",
    when: (m, s) => !notAMarket(s, m.to) && !/^\s*share\s+(?:in|of)\s+[A-Z]/.test(s.text.slice(figureOf(m)?.end ?? 0)),
    examples: [
      {
        input: "Search engines\n\nOstrel Search took a 12% share in the US search market last year.",
        expected: [{ kind: "market_share", company: "Ostrel Search", market: "US", low: 12 }],
      },
    ],
    build: shareAfter,
  },
  {
    name: "market-share.market-share-is",
    kind: "market_share",
    pattern: "market share in:in? the? market:...4 {SHARE_LINK} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Carmaker slips\n\nTamsin Auto said its market share in Japan slipped to 4.2% in 2008.",
        expected: [{ kind: "market_share", company: "Tamsin Auto", market: "Japan", year: 2008, low: 4.2 }],
      },
    ],
    build: shareBefore,
  },
  {
    name: "market-share.share-of-market-is",
    kind: "market_share",
    pattern: "share in:of the? market:...5 {MARKET_WORD} ...8 {SHARE_LINK} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Mobile shares\n\nBrightwell Telecom's share of the UK mobile market is about 30%, the regulator said.",
        // A place among the market's words names the market ("UK"), as it does after a figure.
        expected: [{ kind: "market_share", company: "Brightwell Telecom", market: "UK", low: 30 }],
      },
    ],
    build: shareBefore,
  },
  {
    name: "market-share.share-of-counted-is",
    kind: "market_share",
    // The company's own share, written with "'s" before it: "Corvan's share of global smartphone shipments".
    pattern: "share in:of the? market:...5 {SHARE_OF_COUNTED} ...6 {SHARE_LINK} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => {
      const before = s.tokens[m.from - 1];
      return before !== undefined && tokenIs(PIECES.POSSESSOR, before);
    },
    examples: [
      {
        input:
          "Date: 20 January 2026\n\nPhone makers\n\nCorvan's share of global smartphone shipments rose to 19.4% in the fourth quarter of 2025, a tracker said.",
        expected: [{ kind: "market_share", company: "Corvan", year: 2025, period: "Q4", low: 19.4 }],
      },
    ],
    build: shareBefore,
  },
  {
    name: "market-share.share-of-market-from-to",
    kind: "market_share",
    pattern: "share in:of the? market:...5 {MARKET_WORD} from {PERCENT} ...8 to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Brewer\n\nHalden Beer boosted its share of Brazil's beer market from 62% at the end of 2003 to more than 68% by December 2004.",
        expected: [{ kind: "market_share", company: "Halden Beer", market: "Brazil", low: 68, year: 2004 }],
      },
    ],
    build: shareBefore,
  },
  {
    name: "market-share.base-before",
    kind: "market_share",
    pattern:
      "share in:in|of? the? market:...8 {SHARE_LINK} {FIGURE_LEAD}? first:{PERCENT} ...8 from|against|versus|compared with|to? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Copiers\n\nOstrel Corp said its share of the U.S. office copier market rose to 14 pct in 1986 from 11 pct in 1985.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 11, year: 1985 }],
      },
    ],
    // "rose to 31 pct, against 19 pct for its nearest rival": a rival's figure, not an earlier one ("from 12.9 pct
    // for the whole of 1986" is an earlier one).
    when: (m, s) =>
      notPerShare(m, s) && (s.tokens[m.to]?.lower !== "for" || FOR_A_TIME.test(s.text.slice(s.tokens[m.to].start))),
    build: (m, s) => baseShare(m, s, true),
  },
  {
    name: "market-share.share-moved-from",
    kind: "market_share",
    // "Its share slipped to 17% in the quarter from 19.5%": a share compared with an earlier one is a market share
    // though the sentence does not say "market".
    pattern:
      "share in:of? the? market:...6 {SHARE_LINK} {FIGURE_LEAD}? figure:{PERCENT} ...8 from|against|versus {FIGURE_LEAD}? {PERCENT}",
    when: (m, s) =>
      notPerShare(m, s) &&
      !/^(?:price|prices|capital|register|registers|registry|issue|offering|buyback)$/.test(
        s.tokens[m.from + 1]?.lower ?? "",
      ) &&
      // "still on the share register, has cut its holding to 3.9% from 5.2%": a holding moved, not a share.
      !(m.captures.market ?? []).some((t) => /^(?:holding|holdings|stake|stakes|shareholding)$/.test(t.lower)) &&
      s.tokens[m.to]?.lower !== "for",
    examples: [
      {
        input:
          "Date: 2 April 2026\n\nCars\n\nCorvan Motors sold 41,000 cars in the first quarter. Its share slipped to 17% in the quarter from 19.5% a year earlier.",
        expected: [{ kind: "market_share", company: "Corvan Motors", low: 17, year: 2026, period: "Q1" }],
      },
    ],
    build: shareBefore,
  },
  {
    name: "market-share.base-after",
    kind: "market_share",
    pattern: "first:{PERCENT} share? of ...6 market ...10 from|against|versus {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Date: 20 February 2025\n\nWatches\n\nHalden Devices captured 22% of the U.S. smartwatch market in the fourth quarter, up from 17% a year earlier.",
        expected: [{ kind: "market_share", company: "Halden Devices", low: 17, year: 2023, period: "Q4" }],
      },
    ],
    // "35% of the market, against 58% for market leader Ostrel": a rival's figure, not an earlier one.
    when: (m, s) => s.tokens[s.tokens.indexOf(m.captures.figure?.[0]) + 1]?.lower !== "for",
    build: (m, s) => baseShare(m, s, false),
  },
  {
    name: "market-share.rival-at",
    kind: "market_share",
    pattern: "holder:{COMPANY} ...6 {RIVAL_LINK} {FIGURE_LEAD}? figure:{PERCENT}",
    // "Corvan's like-for-like sales growth was running at 5%": a rate of something else, not its share.
    // "whose founding Ostrel family still holds 25.5% of its shares": a holding, not a share of the market.
    when: (m, s) =>
      s.ctx.shareMarket !== null &&
      !s.tokens
        .slice(m.from, m.to)
        .some((t) => /^(?:sales|revenues?|turnover|growth|profits?|margin)$/.test(t.lower)) &&
      ![...s.tokens.slice(m.from, m.to), ...s.tokens.slice(m.to, m.to + 3)].some((t) => STAKE_CONTEXT.has(t.lower)) &&
      !spokenOfAsHolder(m, s),
    examples: [
      {
        input:
          "Grocers\n\nCorvan's share of the UK grocery market slipped to 12.1 per cent in 2004. Market leader Halden Stores held steady at 29.6 per cent, while discounter Ostrel edged up to 4.2 per cent.",
        expected: [
          { kind: "market_share", company: "Halden Stores", market: "UK", low: 29.6 },
          { kind: "market_share", company: "Ostrel", market: "UK", low: 4.2 },
        ],
      },
    ],
    build: continuedShare,
  },
  {
    name: "market-share.its-share-to",
    kind: "market_share",
    // "its" only: "brokers asked the bank to increase their share" is the brokers' share, not the bank's.
    pattern: "holder:{HOLDER_REF} ...5 its share ...2 to {FIGURE_LEAD}? figure:{PERCENT}",
    when: (_m, s) => s.ctx.shareMarket !== null,
    examples: [
      {
        input:
          "Cycles\n\nHalden Cycles sold bicycles in the UK, giving it 14 per cent of the British bicycle market. It hopes to lift its share to 20 per cent by 2008.",
        expected: [{ kind: "market_share", company: "Halden Cycles", low: 20, year: 2008, status: "target" }],
      },
    ],
    build: continuedShare,
  },
  {
    name: "market-share.aims-for",
    kind: "market_share",
    // "its share of the U.S. copier market rose to 14 pct in 1986, and it aims for 20 pct by 1990".
    pattern:
      "share in:of the? market:...5 {MARKET_WORD} ...12 first:{PERCENT} ...12 {AIM_VERB} for|at|to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Copiers\n\nOstrel Corp said its share of the U.S. office copier market rose to 14 pct in 1986, and that it aims for 20 pct by 1990.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 20, year: 1990, status: "target" }],
      },
    ],
    build: (m, s) => {
      const q = figureOf(m);
      const earlier = shareBefore({ ...m, captures: { ...m.captures, figure: m.captures.first } }, s)[0];
      if (!q || !earlier) return [];
      const clause = clauseAround(s.text, q.start);
      const when = shareWhen(s.roles, q, clause, true);
      return [{ ...earlier, figure: q, when, status: "target" }];
    },
  },
  {
    name: "market-share.share-of-output",
    kind: "market_share",
    pattern: "figure:{PERCENT} of {PLACE_POSS} ...2 {OUTPUT_NOUN}",
    examples: [
      {
        input: "Oil output\n\nPellworth Oil pumps 8% of Russia's total oil production.",
        expected: [{ kind: "market_share", company: "Pellworth Oil", market: "Russia oil production", low: 8 }],
      },
    ],
    build: shareAfter,
  },
  {
    name: "market-share.current",
    kind: "market_share",
    pattern:
      "first:{PERCENT} of ...6 market|production|output ...12 on|from|with|than its|their {CURRENT} share? of? figure:{PERCENT}",
    examples: [
      {
        input: "Oil ambitions\n\nPellworth Oil aims to take 10% of the Russian oil market, up from its current 2.5%.",
        expected: [{ kind: "market_share", company: "Pellworth Oil", low: 2.5, year: null, status: "actual" }],
      },
    ],
    build: currentShare,
  },
];
