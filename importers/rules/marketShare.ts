import { clauseAround } from "../extract/clauses";
import { marketAfter, marketName, placeIn } from "../extract/market";
import { statusAround } from "../extract/status";
import { PUBLIC_BODY, subjectOf } from "../extract/subject";
import { whenOf } from "../extract/when";
import { PLACES } from "../lexicons/companies";
import { CHANGE_WORDS, NOT_MARKET_WORDS, OUTPUT_NOUNS } from "../lexicons/metrics";
import type { Quantity } from "../recognise/quantities";
import type { Match } from "./pattern";
import { PIECES } from "./pieces";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import type { Token } from "./tokens";

const figureOf = (m: Match): Quantity | null => {
  const t = m.captures.figure?.[0];
  return t?.type === "quantity" ? t.quantity : null;
};

const textOf = (s: RuleSentence, tokens: Token[] | undefined) =>
  tokens?.length ? s.text.slice(tokens[0].start, tokens.at(-1)!.end) : "";

/**
 * Whose share, of which market, when: the market as the words name it (else a place in the clause), the company
 * by the shared subject finder from where the share's words begin, the time said beside the figure (an aimed-for
 * share takes its target year).
 */
function shareRoles(s: RuleSentence, q: Quantity, anchor: number, market: string | null): FactRoles | null {
  const clause = clauseAround(s.text, q.start);
  let named = market;
  // "In China, Nissan's market share rose": the place can stand anywhere in the clause.
  if (!named || named === "total") named = placeIn(s.text.slice(clause.start, clause.end)) ?? named;
  const company = subjectOf(s.roles, anchor, clause);
  if (!company || PUBLIC_BODY.test(company.company)) return null;
  const aimed = statusAround(s.text, clause, q, null, null) !== "actual";
  const when = aimed ? whenOf(s.roles, q, clause, null) : whenOf(s.roles, q, clause, null, 60);
  const stated = [
    ...(named ? ["market"] : []),
    ...(company.how === "name" || company.how === "group" ? ["company"] : []),
  ];
  return {
    figure: q,
    company: company.company,
    market: named === "total" ? null : named,
    when,
    unit: "percent",
    status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
    stated,
    aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
  };
}

/** The market named after a figure: "of Russia's total oil production", "of the Russian market", "in Europe". */
function marketAfterFigure(s: RuleSentence, q: Quantity): string | null {
  const i = s.tokens.findIndex((t) => t.type === "quantity" && t.quantity === q);
  const place = s.tokens[i + 2];
  if (s.tokens[i + 1]?.lower === "of" && place && PIECE_PLACE_POSS(place)) {
    const noun = s.tokens.slice(i + 3, i + 6).findIndex((t) => OUTPUT.has(t.lower));
    if (noun >= 0) {
      const words = textOf(s, s.tokens.slice(i + 3, i + 4 + noun)).replace(/^total\s+/i, "");
      return `${PLACES[place.lower.replace(/['’]s$/, "")]} ${words}`;
    }
  }
  return marketAfter(s.text.slice(q.end).replace(/^\s*market\s+share\b/i, ""));
}

/** "a 20% market share in Europe", "25% of the Russian market": the market is named after the figure. */
function shareAfter(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  if (!q) return [];
  const roles = shareRoles(s, q, q.start, marketAfterFigure(s, q));
  return roles ? [roles] : [];
}

const MOVES = new Set([...Object.keys(CHANGE_WORDS), "stood", "stands", "was", "is", "remained", "edged", "slipped"]);

/** "its market share in Japan rose to 12%", "its share of the UK mobile market is 30%": named before the figure. */
function shareBefore(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  if (!q) return [];
  // "market share rose to 12%" names no market; "in Japan slipped to" names Japan, not the move.
  const named = m.captures.in || !m.captures.market?.length ? m.captures.market : undefined;
  const kept = named?.at(-1) && MOVES.has(named.at(-1)!.lower) ? named.slice(0, -1) : named;
  const words = textOf(s, kept);
  const roles = shareRoles(s, q, s.tokens[m.from].start, words ? (marketName(words) ?? "total") : "total");
  return roles ? [roles] : [];
}

/**
 * "rose to 14 pct in 1986 from 11 pct in 1985", "22% of the market, up from 17% a year earlier": the share it
 * is compared with is a share of its own, of the same company and market, for the year before unless dated.
 */
function baseShare(m: Match, s: RuleSentence, before: boolean): FactRoles[] {
  const first = m.captures.first?.[0];
  const q = figureOf(m);
  if (!q || first?.type !== "quantity") return [];
  const current = before
    ? shareBefore({ ...m, captures: { ...m.captures, figure: [first] } }, s)[0]
    : shareRoles(s, first.quantity, first.quantity.start, marketAfterFigure(s, first.quantity));
  if (!current) return [];
  const at = s.tokens.indexOf(m.captures.figure[0]);
  const after = s.tokens.slice(at + 1, at + 5);
  const dated = after.find((t) => t.type === "time" && t.time.year !== null);
  const yearEarlier =
    /^\s*(?:a|one)\s+year\s+(?:earlier|ago|before)|^\s*the\s+(?:previous|prior)\s+year|^\s*the\s+year\s+before/i.test(
      s.text.slice(q.end, q.end + 30),
    );
  const year =
    dated?.type === "time" ? dated.time.year : yearEarlier && current.when.year !== null ? current.when.year - 1 : null;
  if (year === null && !yearEarlier) return [];
  return [
    {
      ...current,
      figure: q,
      when: { year, period: current.when.period, stated: dated !== undefined },
      status: "actual",
    },
  ];
}

/** "..., an improvement on its current 2.5%": the share held now, of the market of the share before it. */
function currentShare(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const first = m.captures.first?.[0];
  if (!q || first?.type !== "quantity") return [];
  const earlier = shareRoles(s, first.quantity, first.quantity.start, marketAfterFigure(s, first.quantity));
  if (!earlier) return [];
  return [{ ...earlier, figure: q, when: { year: null, period: null, stated: false }, status: "actual", stated: [] }];
}

/**
 * "Rival Halden edged up to 4.2 per cent", "It hopes to lift its share to 20 per cent": a share said after another,
 * of the same market, by the company the sentence names.
 */
function continuedShare(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const last = s.ctx.shareMarket;
  const holder = m.captures.holder?.[0];
  if (!q || !last || holder?.type !== "mention") return [];
  const clause = clauseAround(s.text, q.start);
  const aimed = statusAround(s.text, clause, q, null, null) !== "actual";
  const when = aimed ? whenOf(s.roles, q, clause, null) : whenOf(s.roles, q, clause, null, 60);
  const company = holder.mention;
  return [
    {
      figure: q,
      company: company.company,
      market: last.market,
      when: when.year === null && !aimed ? { year: last.year, period: last.period, stated: false } : when,
      unit: "percent",
      status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
      stated: company.how === "name" ? ["company"] : [],
      aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
    },
  ];
}

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
    pattern: "share in:of the? market:...5 {MARKET_WORD} ...4 {SHARE_LINK} {FIGURE_LEAD}? figure:{PERCENT}",
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
      "share in:in|of? the? market:...6 {SHARE_LINK} {FIGURE_LEAD}? first:{PERCENT} ...8 from {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Copiers\n\nOstrel Corp said its share of the U.S. office copier market rose to 14 pct in 1986 from 11 pct in 1985.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 11, year: 1985 }],
      },
    ],
    build: (m, s) => baseShare(m, s, true),
  },
  {
    name: "market-share.base-after",
    kind: "market_share",
    pattern: "first:{PERCENT} of ...6 market ...8 from {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Date: 20 February 2025\n\nWatches\n\nHalden Devices captured 22% of the U.S. smartwatch market in the fourth quarter, up from 17% a year earlier.",
        expected: [{ kind: "market_share", company: "Halden Devices", low: 17, year: 2023, period: "Q4" }],
      },
    ],
    build: (m, s) => baseShare(m, s, false),
  },
  {
    name: "market-share.rival-at",
    kind: "market_share",
    pattern: "holder:{COMPANY} ...4 {RIVAL_LINK} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (_m, s) => s.ctx.shareMarket !== null,
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
    pattern: "holder:{HOLDER_REF} ...5 its share to {FIGURE_LEAD}? figure:{PERCENT}",
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
      const when = whenOf(s.roles, q, clause, null);
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

const NOT_A_MARKET = new Set(NOT_MARKET_WORDS);

/** "10% of market value", "a 43% share in Renault": no market a share is of (the second is a stake). */
function notAMarket(s: RuleSentence, to: number): boolean {
  const next = s.tokens.slice(to, to + 3).map((t) => t.lower);
  return NOT_A_MARKET.has(next[0] ?? "") || next.some((w) => STAKE_WORDS.has(w));
}

const STAKE_WORDS = new Set(["stake", "shareholding", "holding"]);
const OUTPUT = new Set(OUTPUT_NOUNS);
const PIECE_PLACE_POSS = (t: Token) => "test" in PIECES.PLACE_POSS && PIECES.PLACE_POSS.test(t, undefined, [t], 0);
