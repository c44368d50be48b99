import { STAKE_NOUNS, STAKE_VERBS } from "../lexicons/stakes";
import { continuedShare } from "./marketShareRoles";
import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { nameOf, stakeStatus, undatedStake } from "./stakeRoles";
import type { Token } from "./tokens";

/** The figures of a "respectively" match and the names before it, paired in order; null when they do not pair. */
function pairs(m: Match, s: RuleSentence, named: (t: Token) => boolean): Array<[Token, Token]> | null {
  const figures = s.tokens.slice(m.from, m.to).filter((t) => t.type === "quantity" && t.quantity.unit === "percent");
  const seen = new Set<string>();
  const names: Token[] = [];
  for (const t of s.tokens.slice(0, m.from)) {
    const name = nameOf(t);
    if (!named(t) || name === null || seen.has(name)) continue;
    seen.add(name);
    names.push(t);
  }
  const last = names.slice(-figures.length);
  return last.length === figures.length ? figures.map((f, i) => [last[i], f]) : null;
}

/** "Rivals Ostrel Mobile and Braxton Phones held 17% and 15% respectively", after a share of a market: each its own. */
function respectiveShares(m: Match, s: RuleSentence): FactRoles[] {
  const paired = pairs(m, s, (t) => t.type === "mention" && t.mention.how === "name" && !t.mention.possessive);
  if (!paired) return [];
  return paired.flatMap(([holder, figure]) =>
    continuedShare({ ...m, captures: { ...m.captures, holder: [holder], figure: [figure] } }, s),
  );
}

const isHolderName = (t: Token) =>
  t.type === "person" || (t.type === "mention" && t.mention.how === "name" && !t.mention.possessive);

/**
 * "its founders, Tom Keane, Ann Ross and Jim Hale, who own 12%, 8% and 5% respectively": the figures go to the
 * names before them in order. The company held is the one named after "of" among the figures, else the one the
 * sentence names besides the holders ("The rest of Corvan is held by"), else the one the article is about.
 */
function respectiveStakes(m: Match, s: RuleSentence): FactRoles[] {
  const paired = pairs(m, s, isHolderName);
  if (!paired) return [];
  const holders = paired.map(([holder]) => nameOf(holder));
  const inMatch = s.tokens.slice(m.from, m.to);
  const ofHeld = inMatch.find((t, i) => t.type === "mention" && inMatch[i - 1]?.lower === "of");
  const spare = s.tokens
    .slice(0, m.from)
    .filter(isHolderName)
    .map(nameOf)
    .filter((n) => !holders.includes(n))
    .at(-1);
  const held = nameOf(ofHeld) ?? spare ?? s.roles.topic?.company ?? null;
  if (!held || holders.includes(held)) return [];
  const status = stakeStatus(s, m);
  return paired.flatMap(([, f], i) =>
    f.type === "quantity" && holders[i]
      ? [undatedStake(f.quantity, holders[i], held, status, ["company", "counterparty"])]
      : [],
  );
}

/**
 * "Rivals X and Y took 9% and 7.5% respectively", said of a market or after a sentence that gave a share of one:
 * shares of a market are no holdings.
 */
// ("Halden and Ostrel followed with 14% and 8% respectively", after a ranking of shipments: no verb of holding.)
const HOLDING_WORDS = new Set([...STAKE_VERBS, ...STAKE_NOUNS, "shareholders", "owners"]);
const ofShares = (_m: Match, s: RuleSentence) =>
  s.ctx.shareMarket === null &&
  !/\bmarket|\bshare\b|\bsales\b|\bshipments\b/i.test(s.text) &&
  s.tokens.some((t) => HOLDING_WORDS.has(t.lower));

export const RESPECTIVELY_RULES: Rule[] = [
  {
    name: "stake.three-respectively",
    kind: "stake",
    pattern: "figure:{PERCENT} , {PERCENT} ,? and {PERCENT} ...4 respectively",
    examples: [
      {
        input:
          "Founders\n\nThe rest of Corvan is held by its founders, Tom Keane, Ann Ross and Jim Hale, who own 12%, 8% and 5% respectively.",
        expected: [
          { kind: "stake", company: "Tom Keane", counterparty: "Corvan", low: 12 },
          { kind: "stake", company: "Ann Ross", counterparty: "Corvan", low: 8 },
          { kind: "stake", company: "Jim Hale", counterparty: "Corvan", low: 5 },
        ],
      },
    ],
    when: ofShares,
    build: respectiveStakes,
  },
  {
    name: "stake.two-respectively",
    kind: "stake",
    pattern: "figure:{PERCENT} and {PERCENT} ...4 respectively",
    examples: [
      {
        input: "Funds\n\nOstrel Capital and Halden Partners hold 7% and 4% of Braxton Foods respectively.",
        expected: [
          { kind: "stake", company: "Ostrel Capital", counterparty: "Braxton Foods", low: 7 },
          { kind: "stake", company: "Halden Partners", counterparty: "Braxton Foods", low: 4 },
        ],
      },
    ],
    when: ofShares,
    build: respectiveStakes,
  },
  {
    name: "market-share.respectively",
    kind: "market_share",
    pattern: "figure:{PERCENT} ,? and {PERCENT} ...4 respectively",
    when: (_m, s) => s.ctx.shareMarket !== null,
    examples: [
      {
        input:
          "Phones\n\nCorvan took a 19% share of the Indian smartphone market in 2025. Ostrel Mobile and Braxton Phones held 17% and 15% respectively.",
        expected: [
          { kind: "market_share", company: "Ostrel Mobile", low: 17, year: 2025 },
          { kind: "market_share", company: "Braxton Phones", low: 15, year: 2025 },
        ],
      },
    ],
    build: respectiveShares,
  },
];
