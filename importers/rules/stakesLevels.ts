import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { describedStake, nameOf, ofAMarket, stake, stakeStatus, undatedStake } from "./stakeRoles";

/** "Corvan and Ostrel agreed to take a 3.1% stake in each other": one holding each way. */
function eachOther(m: Match, s: RuleSentence): FactRoles[] {
  const a = nameOf(m.captures.holder?.[0]);
  const b = nameOf(m.captures.other?.[0]);
  const figure = m.captures.figure?.[0];
  if (!a || !b || a === b || figure?.type !== "quantity") return [];
  const status = stakeStatus(s, m);
  return [
    undatedStake(figure.quantity, a, b, status, ["company", "counterparty"]),
    undatedStake(figure.quantity, b, a, status, ["company", "counterparty"]),
  ];
}

/** "sold its stake to Ostrel, taking the group's holding to 23.5%": a described holder is the buyer just named. */
function buyersHolding(m: Match, s: RuleSentence): FactRoles[] {
  const found = describedStake(m, s);
  const holder = m.captures.holder?.[0];
  if (holder?.type !== "mention" || holder.mention.how !== "description") return found;
  const buyer = s.tokens
    .slice(0, m.from)
    .findLast((t, i) => t.type === "mention" && t.mention.how === "name" && s.tokens[i - 1]?.lower === "to");
  const name = nameOf(buyer);
  return name ? found.filter((r) => r.counterparty !== name).map((r) => ({ ...r, company: name })) : found;
}

/** Levels of a holding said in other ways than "owns N% of": before a change, after "was", beside another. */
export const LEVEL_STAKE_RULES: Rule[] = [
  {
    name: "stake.in-each-other",
    kind: "stake",
    pattern:
      "holder:{HOLDER} and other:{HOLDER} ...4 {OWN_OR_HAVE} a|an {FIGURE_LEAD}? figure:{PERCENT} {STAKE_NOUN} in each other",
    examples: [
      {
        input: "Carmakers swap shares\n\nCorvan Motors and Ostrel Auto agreed to take a 3.1% stake in each other.",
        expected: [
          { kind: "stake", company: "Corvan Motors", counterparty: "Ostrel Auto", low: 3.1, status: "forecast" },
          { kind: "stake", company: "Ostrel Auto", counterparty: "Corvan Motors", low: 3.1, status: "forecast" },
        ],
      },
    ],
    build: eachOther,
  },
  {
    name: "stake.stake-in-was",
    kind: "stake",
    pattern:
      "holder:{POSSESSOR} {STAKE_NOUN} in held:{COMPANY} was|is|stood|stands|remains|remained at? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Results\n\nNorvale Motors said sales rose 4% in 2004, and its stake in Tamsin Auto was 12%.",
        expected: [{ kind: "stake", company: "Norvale Motors", counterparty: "Tamsin Auto", low: 12 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.second-holding-and",
    kind: "stake",
    // "which owns a 20% stake in Vexa Mobility and about 5% of Quintera Bank": the second holding, the same holder's.
    pattern:
      "holder:{HOLDER} , which ...2 {OWN_OR_HAVE} ...6 {COMPANY} and {FIGURE_LEAD}? figure:{PERCENT} of|in held:{COMPANY}",
    examples: [
      {
        input:
          "Holdings\n\nTamsin Auto, which owns a 20% stake in Vexa Mobility and about 5% of Quintera Bank, declined to comment.",
        expected: [{ kind: "stake", company: "Tamsin Auto", counterparty: "Quintera Bank", low: 5, approximate: true }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.held-now-will-own",
    kind: "stake",
    // "Ostrel, which already holds 9.1 pct of Corvan, will own 41.6 pct after the sale": the holding to come, of
    // the company the aside named.
    pattern:
      "holder:{HOLDER} , which ...3 {OWN_OR_HAVE} {FIGURE_LEAD}? {PERCENT} of|in held:{HELD_REF} , will|would ...2 own|hold|have|control|retain|keep a? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sale agreed\n\nOstrel Oy, which already holds 9.1 pct of Corvan Corp, will own 41.6 pct after the sale, a broker said.",
        // The 9.1 pct held now is the first rule's; this one gives the holding to come.
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 41.6, status: "forecast" }],
      },
      {
        input:
          "Telecoms\n\nOstrel Telecom plans to buy shares in Corvan Mobile. Ostrel, which already holds 9% of the Danish firm, would own 35% once the deal is completed.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Mobile", low: 35, status: "forecast" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.sold-from-left-with",
    kind: "stake",
    // "Ostrel will buy 15% of Corvan from the city government, which will be left with 36%": what the seller keeps.
    pattern:
      "{STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of ...4 held:{HELD_REF} from ...3 holder:{HOLDER} , which will|would be left with {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sale agreed\n\nOstrel will also buy 15% of Hong Kong-listed Corvan from the Halden city government, which will be left with 36%.",
        expected: [
          { kind: "stake", company: "Halden city government", counterparty: "Corvan", low: 36, status: "forecast" },
        ],
      },
    ],
    build: (m, s) => stake(m, s).map((r) => ({ ...r, status: "forecast" })),
  },
  {
    name: "stake.owns-and-will-keep",
    kind: "stake",
    // "Tom Keane, who built up his holding in the 1990s, owns 61% of Corvan and will keep a stake of about 36%": what
    // the holder keeps of the company it owns now, said after "and" or "but".
    pattern:
      "holder:{HOLDER_REF} ...12 {STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of ...3 held:{HELD_REF} ...14 and|but will|would|to|plans|is|intends ...2 keep|retain|hold a|an|its? {STAKE_KIND}? {STAKE_NOUN} of {FIGURE_LEAD}? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sale\n\nDate: 3 March 2011\n\nOstrel owns 61% of Corvan Oil and will keep a stake of about 36% once the deal is completed.",
        expected: [
          {
            kind: "stake",
            company: "Ostrel",
            counterparty: "Corvan Oil",
            low: 36,
            status: "forecast",
            approximate: true,
          },
        ],
      },
      {
        input:
          "Sale\n\nThe Keane family, which owns 58% of Corvan, said it would sell up to 12% to investors, but would keep a controlling stake of at least 44%.",
        expected: [{ kind: "stake", company: "Keane family", counterparty: "Corvan", low: 44, status: "forecast" }],
      },
    ],
    build: (m, s) => stake(m, s).map((r) => ({ ...r, status: r.status === "actual" ? "forecast" : r.status })),
  },
  {
    name: "stake.held-now-changed-to",
    kind: "stake",
    // "Ostrel, which owns 51% of Corvan, plans to cut its stake to 41%": the level to come, of the company the
    // aside named.
    pattern:
      "holder:{HOLDER} , which ...3 {OWN_OR_HAVE} {FIGURE_LEAD}? {PERCENT} of|in held:{COMPANY} , ...10 {STAKE_CHANGE} {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} ...2 to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sell-down\n\nThe French government, which owns 51% of Corvan, plans to cut its stake to 41% through a share offer.",
        expected: [{ kind: "stake", company: "French government", counterparty: "Corvan", low: 41, status: "target" }],
      },
      {
        input:
          "Talks\n\nUS media group Ostrel, which owns 37.2% of Corvan, is negotiating with the board to increase its stake to above 40%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 40, status: "target" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.be-left-with",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} will|would be left with a|an? {FIGURE_LEAD}? figure:{PERCENT} {STAKE_NOUN}? of|in held:{COMPANY}",
    examples: [
      {
        input: "Sale agreed\n\nOstrel Corp will be left with 11 pct of Corvan Inc after the sale, the companies said.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 11, status: "forecast" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.held-by-in",
    kind: "stake",
    pattern: "figure:{PERCENT} {STAKE_NOUN} held|owned by ...3 holder:{HOLDER} ...8 in|of held:{COMPANY}",
    examples: [
      {
        input: "Investors\n\nA 10% stake held by Pellham Partners makes it the largest investor in Marlowe Telecom.",
        expected: [{ kind: "stake", company: "Pellham Partners", counterparty: "Marlowe Telecom", low: 10 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.changed-pct-stake-to",
    kind: "stake",
    // "plans to raise its 49% stake in Corvan to 75%": the level to come; the 49% is stake.its-pct-stake-in's.
    pattern:
      "holder:{HOLDER_REF} ...6 {STAKE_CHANGE} {HOLDING_POSS} {FIGURE_LEAD}? {PERCENT} {STAKE_NOUN} in ...5 held:{HELD_REF} ...4 to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Stake\n\nOstrel Group plans to raise its 49% stake in Corvan Foods to 75% by the end of the year.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Foods", low: 75, status: "target" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.taking-buyers-holding-to",
    kind: "stake",
    // "Ostrel sold its 12% stake in Corvan to Halden, taking Halden's holding to 21.5%": the buyer's total, its
    // holder written with "'s" (a pronoun's "its holding" is the seller's rules').
    pattern:
      "taking|bringing|lifting|raising|increasing|boosting holder:{POSSESSOR} combined|joint|total|own? {STAKE_NOUN} ...6 to {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => {
      const t = m.captures.holder?.[0];
      return t?.type === "mention" && t.mention.how !== "pronoun" && t.mention.possessive;
    },
    examples: [
      {
        input:
          "Stake sold\n\nOstrel AG said it had sold its 12 pct stake in Corvan Werke AG to insurer Halden AG, taking Halden's holding in the toolmaker to 21.5 pct.",
        expected: [{ kind: "stake", company: "Halden", counterparty: "Corvan Werke", low: 21.5 }],
      },
      {
        input:
          "Stake sold\n\nHalden Capital has sold its 8.2% stake in Corvan to Ostrel, taking the American group's holding to 23.5%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 23.5 }],
      },
    ],
    build: buyersHolding,
  },
  {
    name: "stake.and-pct-of-another",
    kind: "stake",
    // "owns 9.9% of Corvan and 20% of Ostrel Air": the verb and holder of the first figure serve the second.
    pattern:
      "holder:{HOLDER_REF} ...8 {STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of ...4 {COMPANY} and {FIGURE_LEAD}? figure:{PERCENT} of ...4 held:{COMPANY}",
    when: (m, s) => !ofAMarket(m, s),
    examples: [
      {
        input:
          "Airline deals\n\nHalden Air already owns 9.9% of Norwegian carrier Corvan and 20% of Kenya's Ostrel Air.",
        expected: [{ kind: "stake", company: "Halden Air", counterparty: "Ostrel Air", low: 20 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.and-another-holder-pct",
    kind: "stake",
    // "Ostrel holds 25 pct of Corvan's capital and the Halden Trust about 14 pct": the verb and the company held
    // serve a second holder, who is given only a figure.
    pattern:
      "{HOLDER_REF} ...8 {STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of ...2 held:{COMPANY} ...3 and the? holder:{HOLDER} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => !ofAMarket(m, s),
    examples: [
      {
        input:
          "Holders\n\nNorbank holds 25.1 pct of Carvello's capital and the Halden Investment Authority about 14 pct, with the rest widely held.",
        expected: [
          {
            kind: "stake",
            company: "Halden Investment Authority",
            counterparty: "Carvello",
            low: 14,
            approximate: true,
          },
        ],
      },
    ],
    build: stake,
  },
];
