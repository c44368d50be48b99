import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { describedStake, nameOf, ofAMarket } from "./stakeRoles";

/** A name between the figure and the description the match took for the company held. */
function namedBeforeDescription(m: Match, s: RuleSentence): boolean {
  const from = s.tokens.indexOf(m.captures.figure?.[0]);
  const held = s.tokens.indexOf(m.captures.held?.[0]);
  return s.tokens.slice(from + 1, held).some((t) => t.type === "mention" && t.mention.how === "name");
}

/**
 * Stakes in a company the sentence describes rather than names ("the company", "the Ohio toolmaker"). The holder
 * is named or referred to; the company held is the other one the sentence names, else the article's.
 */
/**
 * "Corvan Bricks, in which it now holds a 75 pct stake": "it" is not the company just named, which is the one held,
 * but the one the sentence is about before it.
 */
function inWhichStake(m: Match, s: RuleSentence): FactRoles[] {
  const holder = m.captures.holder?.[0];
  const heldToken = m.captures.held?.[0];
  const held = nameOf(heldToken);
  if (holder?.type !== "mention" || holder.mention.how !== "pronoun" || holder.mention.company !== held)
    return describedStake(m, s);
  const subject = s.tokens
    .slice(0, heldToken ? s.tokens.indexOf(heldToken) : m.from)
    .find((t) => t.type === "mention" && !t.mention.possessive && t.mention.company !== held);
  return subject ? describedStake({ ...m, captures: { ...m.captures, holder: [subject] } }, s) : [];
}

export const DESCRIBED_STAKE_RULES: Rule[] = [
  {
    name: "stake.group-led-by-holds",
    kind: "stake",
    // "A group of investors led by Tom Keane holds 20% of the firm": the group is its leader's.
    pattern:
      "{GROUP_HEAD} ...5 {LEAD_VERB} by ...3 holder:{HOLDER} ...3 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of|in held:{COMPANY}?",
    when: (m, s) => !ofAMarket(m, s),
    examples: [
      {
        input:
          "Holders\n\nBrenta Aviation builds regional jets. A group of French aerospace companies led by Corvan Aero holds 20% of the firm.",
        expected: [{ kind: "stake", company: "Corvan Aero", counterparty: "Brenta Aviation", low: 20 }],
      },
      {
        input: "Holders\n\nA group led by investor Tom Keane owns 8.3 pct of Corvan Tool.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 8.3 }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.stake-in-described",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} {FIGURE_LEAD}? figure:{PERCENT} {STAKE_NOUN} in the? ...3 held:{COMPANY_NOUN}",
    examples: [
      {
        input:
          "Founder to sell\n\nCorvan Outdoor founder Jane Keane has agreed to sell an 18% stake in the camping-gear retailer to a group of investors.",
        expected: [
          { kind: "stake", company: "Jane Keane", counterparty: "Corvan Outdoor", low: 18, status: "forecast" },
        ],
      },
    ],
    // "controls 45% of the domestic airline market": a share, not a stake.
    when: (m, s) => !ofAMarket(m, s),
    build: describedStake,
  },
  {
    name: "stake.pct-of-described",
    kind: "stake",
    pattern: "holder:{HOLDER_REF} ...8 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of the? ...3 held:{COMPANY_NOUN}",
    examples: [
      {
        input:
          "Filing\n\nA group led by Tom Keane told regulators it holds 6.2 pct of Corvan Tool. The group said it may buy up to 15 pct of the company.",
        // The 6.2 pct is stake.verb-pct-of's; "the company" is the one last held.
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 15, status: "forecast" }],
      },
    ],
    // "58% of Corvan Agri, the group's listed arm": the company is named before the description.
    when: (m, s) => !ofAMarket(m, s) && !namedBeforeDescription(m, s),
    build: describedStake,
  },
  {
    name: "stake.changed-in-described",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {STAKE_CHANGE} {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} in the? ...3 held:{COMPANY_NOUN} ...6 to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Stake trimmed\n\nCorvan Systems co-founder Tom Keane sold 2.5 million shares, cutting his stake in the struggling networking-equipment maker to 6.1%.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Systems", low: 6.1, status: "actual" }],
      },
    ],
    when: (m, s) => !ofAMarket(m, s),
    build: describedStake,
  },
  {
    name: "stake.stake-of-pct",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {OWN_OR_HAVE} a|an {STAKE_KIND}? {STAKE_NOUN} of {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => !/^(?:in|of)$/.test(s.tokens[m.to]?.lower ?? ""),
    examples: [
      {
        input:
          "Club bid\n\nInvestor Tom Keane has bid for Corvan United. Mr Keane and his family hold a stake of 28.1%.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan United", low: 28.1 }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.pct-shareholder-in",
    kind: "stake",
    pattern: "holder:{HOLDER} , a|an figure:{PERCENT} shareholder|owner in|of held:{COMPANY}",
    examples: [
      {
        input: "Rescue\n\nOstrel Motors, a 30% shareholder in Corvan Motors, decided not to put in any more money.",
        expected: [{ kind: "stake", company: "Ostrel Motors", counterparty: "Corvan Motors", low: 30 }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.in-which-owns",
    kind: "stake",
    pattern:
      "held:{COMPANY} ...3 in which holder:{HOLDER_REF} still|now|currently|already|also? {OWN_OR_HAVE} a|an? {FIGURE_LEAD}? figure:{PERCENT} {STAKE_NOUN}?",
    examples: [
      {
        input: "Results\n\nJapanese carmaker Corvan - in which Ostrel owns a 44% stake - made a profit.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 44 }],
      },
      {
        input:
          "Results\n\nOstrel Holdings said turnover rose. The company said the result included a month's sales of Corvan Bricks Ltd, in which it now holds a 75 pct stake.",
        expected: [{ kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Bricks", low: 75 }],
      },
    ],
    build: inWhichStake,
  },
  {
    name: "stake.with-holder-holding",
    kind: "stake",
    // "Ostrel and Halden own 30% of Corvan, with Ostrel holding 18%": a part of a holding, said as a circumstance.
    pattern: "with holder:{HOLDER} holding|owning|controlling|having {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Holders\n\nOstrel and Halden together own 30% of Corvan, with Ostrel holding 18% and Halden 12%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 18 }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.with-holding-and-the-other",
    kind: "stake",
    // "..., with Ostrel holding 18% and Halden 12%": the second holder's figure, its verb understood.
    pattern:
      "with {HOLDER} holding|owning|controlling|having {FIGURE_LEAD}? {PERCENT} and holder:{HOLDER} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Holders\n\nCorvan is owned by two funds, with Ostrel Capital holding 55% and Halden Partners 45%.",
        expected: [{ kind: "stake", company: "Halden Partners", counterparty: "Corvan", low: 45 }],
      },
    ],
    build: describedStake,
  },
];
