import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { nameOf, stake, stakeStatus, topicStake, undatedStake } from "./stakeRoles";

/**
 * "Ostrel swapped a 6% stake in itself for 20% of Corvan": two holdings, each company's in the other, dated as the
 * deal the article dates (a swap is seldom dated in its own sentence).
 */
function swappedStakes(m: Match, s: RuleSentence): FactRoles[] {
  const holder = nameOf(m.captures.holder?.[0]);
  const held = nameOf(m.captures.held?.[0]);
  const own = m.captures.own?.[0];
  const figure = m.captures.figure?.[0];
  if (!holder || !held || holder === held || own?.type !== "quantity" || figure?.type !== "quantity") return [];
  const status = stakeStatus(s, m);
  const year = s.ctx.dealYear?.year ?? null;
  const when = { year, period: null, stated: year !== null };
  return [
    { ...undatedStake(figure.quantity, holder, held, status, ["company", "counterparty"]), when },
    { ...undatedStake(own.quantity, held, holder, status, ["company", "counterparty"]), when },
  ];
}

/**
 * "Ostrel, which owns 60 pct of Corvan, will keep a 15 pct interest after the sale": the holding a sale leaves, a
 * forecast; "The state, which owns 51% of Corvan, plans to sell a 20% stake": the block it means to sell, a target.
 */
function heldAfterDeal(m: Match, s: RuleSentence): FactRoles[] {
  // "to sell about half of its holding": a part of the holding, not of the company.
  const at = s.tokens.indexOf(m.captures.figure[0]);
  const after = s.tokens.slice(at + 1, at + 4).map((t) => t.lower);
  if (after[0] === "of" && /^(?:its|their)$/.test(after[1] ?? "") && /^(?:holding|stake)$/.test(after[2] ?? ""))
    return [];
  const selling = /^(?:sell|sale|offload|float|dispose)/.test(m.captures.deal?.[0]?.lower ?? "");
  return stake(m, s).map((r) => ({ ...r, status: selling ? "target" : "forecast" }));
}

/**
 * Stakes of deals: paid for with an investment ("will invest $4 billion in Corvan in exchange for a 9.9% stake", the company
 * invested in is held, the investor holds) or with shares of the buyer's own (a swap: each holds the other).
 */
export const DEAL_STAKE_RULES: Rule[] = [
  {
    name: "stake.invest-in-for-stake",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 invest|invests|invested|investing|inject|injects|injected ...6 in ...2 held:{COMPANY} ...14 for|exchange a|an {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN}",
    examples: [
      {
        input:
          "Chip deal\n\nOstrel Software said Thursday it had agreed to invest $6 billion in Corvan Labs in exchange for a 20% stake.",
        expected: [
          { kind: "stake", company: "Ostrel Software", counterparty: "Corvan Labs", low: 20, status: "forecast" },
        ],
      },
      {
        input:
          "AI startups\n\nOstrel, the chip designer, will invest $2 billion in Corvan, a startup that designs optical links, for a roughly 9.9% stake.",
        expected: [
          { kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 9.9, approximate: true, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.swapped-stake-in-itself",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...3 swapped|swaps|swap|exchanged|traded a|an {FIGURE_LEAD}? own:{PERCENT} {STAKE_NOUN} in itself for {FIGURE_LEAD}? figure:{PERCENT} of held:{COMPANY}",
    examples: [
      {
        input: "Alliance\n\nInstead, Ostrel Motors swapped a 6% stake in itself for 20% of Corvan Auto.",
        expected: [
          { kind: "stake", company: "Ostrel Motors", counterparty: "Corvan Auto", low: 20 },
          { kind: "stake", company: "Corvan Auto", counterparty: "Ostrel Motors", low: 6 },
        ],
      },
    ],
    build: swappedStakes,
  },
  {
    name: "stake.which-owns-then-keeps",
    kind: "stake",
    pattern:
      "holder:{HOLDER} , which ...2 owns|holds|has ...2 {PERCENT} of ...4 held:{HELD_REF} ...4 , will|would|is|plans|wants|intends ...4 deal:keep|retain|hold|have|sell ...2 a|an? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Sale agreed\n\nOstrel, which now owns 60 pct of Corvan Tool, will keep a 15 pct interest after the sale, Halden said.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Tool", low: 15, status: "forecast" }],
      },
      {
        input:
          "Share offering\n\nThe Czech government, which owns 51 per cent of Corvan Telecom, plans to sell a 20 per cent stake through a share offering.",
        expected: [
          { kind: "stake", company: "Czech government", counterparty: "Corvan Telecom", low: 20, status: "target" },
        ],
      },
    ],
    build: heldAfterDeal,
  },
  {
    name: "stake.apposed-with-stake",
    kind: "stake",
    // "Ostrel Capital, an activist investor with a roughly 2% stake, has pressed Corvan": the apposition says what
    // it holds, in the company the sentence (or the article) is about.
    pattern: "holder:{HOLDER} , a|an|the ...6 with a|an {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN} ,",
    examples: [
      {
        input:
          "Activists\n\nCorvan Foods shares rose. Corvan Foods said it would listen. Ostrel Capital, an activist investor with a roughly 2% stake, has pressed the company to sell its China business.",
        expected: [
          { kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Foods", low: 2, approximate: true },
        ],
      },
    ],
    build: topicStake,
  },
  {
    name: "stake.apposed-that-holds",
    kind: "stake",
    // "Ostrel Partners, the activist firm that holds a 6.8% stake in Corvan", "Ostrel Trust, the state body which
    // owns 74% of Corvan": the apposition's own verb, its subject the name before it.
    pattern:
      "holder:{HOLDER} , the|a|an ...6 that|which|who has|have|had? {OWN_OR_HAVE} up? a|an? {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN_IN}? in|of held:{HELD_REF}",
    examples: [
      {
        input:
          "Pressure\n\nDate: 5 March 2026\n\nThe results land as Ostrel Capital, an activist hedge fund that has disclosed a 5.4% stake in Corvan Toys, pushes for a spin-off.",
        expected: [{ kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Toys", low: 5.4 }],
      },
      {
        input:
          "Pressure\n\nThe results add to pressure from Ostrel Partners, the activist investment firm that holds a 6.8% stake in Corvan Foods.",
        expected: [{ kind: "stake", company: "Ostrel Partners", counterparty: "Corvan Foods", low: 6.8 }],
      },
      {
        input:
          "Talks\n\nDate: 5 March 1987\n\nCorvan Inc said sales rose. Halden said he has held talks with Ostrel Partners, a New York investment partnership which holds 5.4 pct of the company, about joint action.",
        expected: [{ kind: "stake", company: "Ostrel Partners", counterparty: "Corvan", low: 5.4 }],
      },
      {
        input:
          "Pressure\n\nDate: 4 May 2026\n\nCorvan Stores said sales fell. The figures add to the pressure on chief executive Anna Velde, who has been fending off Ostrel Partners, an activist investor that owns about 6% of Corvan's shares.",
        expected: [{ kind: "stake", company: "Ostrel Partners", counterparty: "Corvan", low: 6 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.apposed-that-built-a-stake-of",
    kind: "stake",
    // "Ostrel Capital, an activist hedge fund that has built a stake of about 7.5% in the company": the stake noun
    // before its figure.
    pattern:
      "holder:{HOLDER} , the|a|an ...6 that|which|who has|have|had? {OWN_OR_HAVE} up? a|an {STAKE_NOUN} of {FIGURE_LEAD}? figure:{PERCENT} in held:{HELD_REF}",
    examples: [
      {
        input:
          "Casino split\n\nDate: 6 November 2026\n\nCorvan Resorts said it would not split off its casinos, rejecting a demand from Ostrel Capital, an activist hedge fund that has built a stake of about 7.5% in the company.",
        expected: [
          { kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Resorts", low: 7.5, approximate: true },
        ],
      },
    ],
    build: stake,
  },
];
