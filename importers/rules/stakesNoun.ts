import { compilePattern, type Match, matchAll } from "./pattern";
import { PIECES } from "./pieces";
import type { Rule, RuleSentence } from "./rule";
import { describedStake, ofAMarket, stake, topicStake } from "./stakeRoles";

/** "holds a 9.4% stake." with no company after it: the held one is the company spoken of. */
const RELATIVE_WORDS = new Set(["that", "which", "who"]);

const heldUnsaid = (m: Match, s: RuleSentence) => !ofAMarket(m, s) && !heldAfterStake(s, m.to);

/** "a 5% stake in Corvan", "in the group": what follows names the company held ("in the spring" names none). */
function heldAfterStake(s: RuleSentence, at: number): boolean {
  if (!/^(?:in|of|at)$/.test(s.tokens[at]?.lower ?? "")) return false;
  const next = s.tokens[at + 1]?.lower === "the" ? s.tokens[at + 2] : s.tokens[at + 1];
  return (
    next === undefined ||
    next.type === "mention" ||
    next.type === "person" ||
    (!/^(?:spring|summer|autumn|fall|winter|past|last|early|late|recent|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(
      next.lower,
    ) &&
      next.type !== "time")
  );
}

/** "its 49% stake in", "Corvan's 20 pct holding in": the possessor holds it. */
const ownedByPossessor = (m: Match) => {
  const t = m.captures.holder?.[0];
  return t !== undefined && (/^(?:its|their|his|her)$/.test(t.lower) || /['’]s$/.test(t.text));
};

/** "taking its own holding to 75%": what a purchase brings the buyer's holding to. */
const TOTAL_AFTER =
  "taking|lifting|raising|bringing|increasing|boosting|cutting|reducing|lowering|trimming its|their|his|her own? total? {STAKE_NOUN} to";

/** "lifts its holding to", "would lift its stake to": what a purchase brings a holding to, said after it. */
const LIFT_TO =
  "lift|lifts|lifting|raise|raises|raising|take|takes|taking|bring|brings|bringing|increase|increases its|their|his|her own? total? {STAKE_NOUN} ...7 to";

const FURTHER_BLOCK = compilePattern(
  `further|another|additional {FIGURE_LEAD}? figure:{PERCENT} ...18 ${LIFT_TO} {FIGURE_LEAD}? {PERCENT}`,
  PIECES,
);

/** "agreed to buy a further 3% ..., which would lift its holding to 7.9%": the figure is a block, the total the stake. */
export function blockBeforeTotal(m: Match, s: RuleSentence): boolean {
  const figure = m.captures.figure?.[0];
  return matchAll(FURTHER_BLOCK, s.tokens).some((b) => b.captures.figure?.[0] === figure);
}

/** The words just before the verb that lifts the holding ("would", "plans to"). */
function liftLead(m: Match, s: RuleSentence): string {
  const verb = s.tokens
    .slice(m.from, m.to)
    .findLast((t) =>
      /^(?:lift|lifts|lifting|raise|raises|raising|take|takes|taking|bring|brings|bringing|increase|increases)$/.test(
        t.lower,
      ),
    );
  return verb ? s.text.slice(Math.max(0, verb.start - 24), verb.start) : "";
}

/** Stakes written as a noun phrase: built, paid for, held as "its X% stake". */
export const NOUN_STAKE_RULES: Rule[] = [
  {
    name: "stake.block-taking-holding-to",
    kind: "stake",
    // The total a purchase brings the holding to is the stake (the block bought is claimed by the rule below).
    pattern: `holder:{HOLDER_REF} ...8 {STAKE_VERB} {FIGURE_LEAD}? {PERCENT} of ...4 held:{COMPANY} ...12 ${TOTAL_AFTER} {FIGURE_LEAD}? figure:{PERCENT}`,
    examples: [
      {
        input:
          "Brewer deal\n\nThe brewer Ostrel said it had agreed to buy 24.5% of Russian brewer Corvan from its partner Halden Invest, taking its own holding to 75%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 75, status: "forecast" }],
      },
    ],
    build: stake,
  },
  {
    name: "not-stake.held-before-total",
    kind: null,
    // "Corvan, which already held 4.6 pct of Halden, said the purchase lifts its holding to 34.5 pct": the holding
    // the purchase leaves is the stake, not the one it replaces (nor "a further 29 pct ..., which would lift it to").
    pattern: `already|further|another {STAKE_VERB}? {FIGURE_LEAD}? figure:{PERCENT} ...18 ${LIFT_TO} {FIGURE_LEAD}? {PERCENT}`,
    // "already owns 44% ... and plans to raise its stake to 51%": a total still to come leaves the holding a fact.
    // ("a further 29 pct ..., which would lift its holding to 80 pct": a block bought is never the stake.)
    when: (m, s) =>
      s.tokens[m.from].lower !== "already" ||
      !/\b(?:would|will|could|may|might|plans?\s+to|aims?\s+to|wants?\s+to|hopes?\s+to|to)\s+$/i.test(liftLead(m, s)),
    examples: [
      {
        input:
          "Bank bid\n\nOstrel, which already held 4.6 pct of Corvan Bank, said the purchase lifts its holding to 34.5 pct.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Bank", low: 34.5 }],
      },
    ],
  },
  {
    name: "not-stake.block-before-total",
    kind: null,
    pattern: `{STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of ...4 {COMPANY} ...12 ${TOTAL_AFTER} {FIGURE_LEAD}? {PERCENT}`,
    examples: [
      {
        input:
          "Brewer deal\n\nThe brewer Ostrel said it had agreed to buy 24.5% of Russian brewer Corvan from its partner Halden Invest, taking its own holding to 75%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 75 }],
      },
    ],
  },
  {
    name: "stake.built-stake-of-pct-in",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} up? a|an {STAKE_KIND}? {STAKE_NOUN} of {FIGURE_LEAD}? figure:{PERCENT} in ...4 held:{HELD_REF}",
    examples: [
      {
        input:
          "Activist arrives\n\nHedge fund Ostrel Capital has built a stake of about 5.4% in snack maker Corvan Foods and wants a seat on its board.",
        expected: [
          { kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Foods", low: 5.4, approximate: true },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.paid-for-stake-in",
    kind: "stake",
    // "has paid £96m for a 34% stake in", "agreed to pay $2.1bn for a 17.5% stake in".
    pattern:
      "holder:{HOLDER_REF} ...8 pay|paid|pays|paying ...5 for a|an {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN_IN} in ...4 held:{COMPANY}",
    examples: [
      {
        input: "Brewer expands\n\nUK brewer Ostrel has paid £96m for a 34% stake in Czech brewer Corvan Pivovar.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Pivovar", low: 34, status: "actual" }],
      },
      {
        input: "Oil deal\n\nUS oil group Ostrel Energy has agreed to pay $2.1bn for a 17.5% stake in Corvan Neft.",
        expected: [
          { kind: "stake", company: "Ostrel Energy", counterparty: "Corvan Neft", low: 17.5, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.its-pct-stake-in",
    kind: "stake",
    pattern: "holder:{POSSESSOR} {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN_IN} in ...4 held:{COMPANY}",
    when: ownedByPossessor,
    examples: [
      {
        input:
          "Stake sold\n\nOstrel Foods also said it had completed the sale of its 49% stake in Corvan Tala, its Mexican partner, for $310 million.",
        expected: [{ kind: "stake", company: "Ostrel Foods", counterparty: "Corvan Tala", low: 49 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.its-pct-named-stake",
    kind: "stake",
    // "sold its entire 7.2 pct Corvan stake": the company held named before the noun.
    pattern: "holder:{POSSESSOR} entire|whole|remaining? {FIGURE_LEAD}? figure:{PERCENT} held:{COMPANY} {STAKE_NOUN}",
    when: ownedByPossessor,
    examples: [
      {
        input:
          "Stake sold\n\nSeparately, Ostrel Communications Inc said it sold its entire 7.2 pct Corvan stake in the open market.",
        expected: [{ kind: "stake", company: "Ostrel Communications", counterparty: "Corvan", low: 7.2 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.deal-will-give",
    kind: "stake",
    // "already owns 11% of Corvan, so the purchase will give it 62%": what a deal is to leave the holder with.
    pattern: "will|would give|leave holder:{HOLDER_REF} with? {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => !ofAMarket(m, s) && !/^(?:of|in)$/.test(s.tokens[m.to]?.lower ?? ""),
    examples: [
      {
        input:
          "Steel deal\n\nOstrel Steel agreed to buy shares in Corvan Hut. Ostrel already owns 11% of Corvan Hut, which it bought on the stock market, so the purchase will give it 62%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Hut", low: 62, status: "forecast" }],
      },
    ],
    build: (m, s) => describedStake(m, s).map((r) => ({ ...r, status: "forecast" })),
  },
  {
    name: "stake.deal-will-give-stake-of",
    kind: "stake",
    // "an investment that would give Ostrel a stake of about 8% in the company": the holding a deal is to create.
    pattern: "will|would give holder:{HOLDER_REF} a|an {STAKE_KIND}? {STAKE_NOUN} of {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => !ofAMarket(m, s),
    examples: [
      {
        input:
          "Cloud talks\n\nCorvan Data is in talks with Ostrel Systems about an investment that would give Ostrel a stake of about 8% in the company.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Data", low: 8, status: "forecast" }],
      },
    ],
    build: (m, s) => describedStake(m, s).map((r) => ({ ...r, status: "forecast" })),
  },
  {
    name: "stake.possessor-stake-from-to",
    kind: "stake",
    // "Ostrel's stake in Corvan should be cut from 70% to 49%": the holding now, and the one to come.
    pattern:
      "holder:{POSSESSOR} {STAKE_NOUN} in held:{COMPANY} ...10 from {FIGURE_LEAD}? first:{PERCENT} to {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => /['’]s$/.test(m.captures.holder?.[0]?.text ?? ""),
    examples: [
      {
        input:
          "Licence row\n\nMembers of parliament say Ostrel's stake in Corvan Mobile, the new network, should be cut from 70% to 49%.",
        expected: [
          { kind: "stake", company: "Ostrel", counterparty: "Corvan Mobile", low: 70, status: "actual" },
          { kind: "stake", company: "Ostrel", counterparty: "Corvan Mobile", low: 49, status: "forecast" },
        ],
      },
    ],
    build: (m, s) => {
      const now = stake({ ...m, captures: { ...m.captures, figure: m.captures.first } }, s).map((r) => ({
        ...r,
        status: "actual" as const,
      }));
      const next = stake(m, s).map((r) => ({
        ...r,
        status: /\b(?:should|would|will|could|must)\b/i.test(s.text) ? ("forecast" as const) : r.status,
      }));
      return [...now, ...next];
    },
  },
  {
    name: "stake.holder-aside-verb-pct-of",
    kind: "stake",
    // "The firm, which floated in 2003, recently announced a deal to buy 26% of Indian firm Corvan Oil": the
    // subject before a relative clause, past a few words of its own.
    pattern:
      "holder:{HOLDER_REF} , which|who ...8 , lead:...8 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of ...5 held:{COMPANY}",
    // "Mr Halden, who has fought off Ostrel Partners, an activist fund that owns 6% of Corvan": a verb inside a
    // relative clause after the aside is that clause's, not the subject's.
    when: (m, s) => !ofAMarket(m, s) && !(m.captures.lead ?? []).some((t) => RELATIVE_WORDS.has(t.lower)),
    examples: [
      {
        input:
          "Oil explorer\n\nOstrel Energy said output rose. The firm, which floated in 2003, recently announced a deal to buy 26% of Indian firm Corvan Oil.",
        expected: [
          { kind: "stake", company: "Ostrel Energy", counterparty: "Corvan Oil", low: 26, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.holds-pct-stake-unsaid",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {OWN_OR_HAVE} up? a|an {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN}",
    when: heldUnsaid,
    examples: [
      {
        input:
          "Bid talk\n\nCorvan Brewing shares rose on Monday. Corvan Brewing said sales were flat. Danish brewer Ostrel has built up a 6.5% stake over the past year, fuelling talk of a bid.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Brewing", low: 6.5 }],
      },
      {
        input:
          "Club bid\n\nCorvan Rovers shares rose. Corvan Rovers said it would talk to bidders. At present, Mr Keane and his family hold a 28.1% stake, making them the club's second biggest shareholders.",
        expected: [{ kind: "stake", company: "Keane", counterparty: "Corvan Rovers", low: 28.1 }],
      },
    ],
    // The company spoken of, not another name of the sentence ("Keane preferred Ostrel's offer to buy a 20% stake").
    build: topicStake,
  },
  {
    name: "stake.built-stake-of-pct-unsaid",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {OWN_OR_HAVE} up? a|an {STAKE_KIND}? {STAKE_NOUN} of {FIGURE_LEAD}? {FIGURE_LEAD}? figure:{PERCENT}",
    when: heldUnsaid,
    examples: [
      {
        input:
          "Bid talk\n\nCorvan Brewing shares rose on Monday. Corvan Brewing said sales were flat. US investor Ostrel Capital recently revealed it had built up a stake of just under 5%.",
        expected: [{ kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Brewing", low: 5 }],
      },
    ],
    build: topicStake,
  },
];
