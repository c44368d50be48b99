import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { nameOf, stakeStatus, undatedStake } from "./stakeRoles";
import type { Token } from "./tokens";

const isHolderName = (t: Token) =>
  t.type === "person" || (t.type === "mention" && t.mention.how === "name" && !t.mention.possessive);

/**
 * "its founders, Tom Keane, Ann Ross and Jim Hale, who own 12%, 8% and 5% respectively": the figures go to the
 * names before them in order. The company held is the one named after "of" among the figures, else the one the
 * sentence names besides the holders ("The rest of Corvan is held by"), else the one the article is about.
 */
function respectiveStakes(m: Match, s: RuleSentence): FactRoles[] {
  const inMatch = s.tokens.slice(m.from, m.to);
  const figures = inMatch.filter((t) => t.type === "quantity" && t.quantity.unit === "percent");
  const before = s.tokens.slice(0, m.from);
  const names = [...new Set(before.filter(isHolderName).map(nameOf))].filter((n): n is string => n !== null);
  const ofHeld = inMatch.find((t, i) => t.type === "mention" && inMatch[i - 1]?.lower === "of");
  const holders = names.slice(-figures.length);
  const spare = names.slice(0, -figures.length).at(-1);
  const held = nameOf(ofHeld) ?? spare ?? s.roles.topic?.company ?? null;
  if (!held || holders.length !== figures.length || holders.includes(held)) return [];
  const status = stakeStatus(s, m);
  return figures.flatMap((f, i) =>
    f.type === "quantity" ? [undatedStake(f.quantity, holders[i], held, status, ["company", "counterparty"])] : [],
  );
}

/**
 * "Rivals X and Y took 9% and 7.5% respectively", said of a market or after a sentence that gave a share of one:
 * shares of a market are no holdings.
 */
const ofShares = (_m: Match, s: RuleSentence) =>
  s.ctx.shareMarket === null && !/\bmarket|\bshare\b|\bsales\b|\bshipments\b/i.test(s.text);

export const RESPECTIVE_STAKE_RULES: Rule[] = [
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
];
