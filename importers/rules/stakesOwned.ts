import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { describedStake, familyName, nameOf, stake, stakeStatus, undatedStake } from "./stakeRoles";
import type { Token } from "./tokens";

/** "Ostrel's 58 pct-owned Corvan", "Corvan, a 57 pct owned subsidiary of Ostrel": the owner and the company owned. */
function ownedStake(m: Match, s: RuleSentence): FactRoles[] {
  const holder = nameOf(m.captures.holder?.[0]);
  const held = nameOf(m.captures.held?.[0]);
  const figure = m.captures.figure?.[0];
  if (!holder || !held || holder === held || figure?.type !== "quantity" || figure.quantity.fraction) return [];
  return [undatedStake(figure.quantity, holder, held, stakeStatus(s, m), ["company", "counterparty"])];
}

/** "Corvan, which is controlled by the Keane family through a 44% holding": the family, or firm, that controls. */
function controlledThrough(m: Match, s: RuleSentence): FactRoles[] {
  const lead = m.captures.holder?.[0] as Token | undefined;
  const name = nameOf(lead);
  const held = nameOf(m.captures.held?.[0]);
  const figure = m.captures.figure?.[0];
  if (!lead || !name || !held || figure?.type !== "quantity") return [];
  const family = s.tokens[s.tokens.indexOf(lead) + 1]?.lower === "family";
  const holder = family ? `${familyName(lead, name)} family` : name;
  if (holder === held) return [];
  return [undatedStake(figure.quantity, holder, held, stakeStatus(s, m), ["company", "counterparty"])];
}

/**
 * "the Keane family owns 17% of the company, while a further 9% is held by a fund": the other family's surname is
 * no company held; the one the article speaks of is.
 */
function furtherHolder(m: Match, s: RuleSentence): FactRoles[] {
  const families = new Set(
    s.tokens.filter((t, i) => t.type === "mention" && /^famil/.test(s.tokens[i + 1]?.lower ?? "")).map(nameOf),
  );
  // "Corvan's main shareholder, the Keane family, ...": the company written with "'s" is the one held.
  const owner = s.tokens.find((t) => t.type === "mention" && t.mention.how === "name" && t.mention.possessive);
  const spoken = (owner?.type === "mention" ? owner.mention.company : null) ?? s.roles.topic?.company ?? s.roles.main;
  return describedStake(m, s).flatMap((r) => {
    if (!families.has(r.counterparty ?? null)) return [r];
    return spoken && spoken !== r.company && !families.has(spoken) ? [{ ...r, counterparty: spoken }] : [];
  });
}

/** The words between a figure and what follows it: "-owned", " owned". */
const between = (s: RuleSentence, a: { end: number } | undefined, b: { start: number } | undefined) =>
  a && b ? s.text.slice(a.end, b.start) : "";

/** Stakes written as an adjective of the company owned ("a 57 pct owned subsidiary of", "its 58 pct-owned"). */
export const OWNED_STAKE_RULES: Rule[] = [
  {
    name: "stake.pct-owned-company",
    kind: "stake",
    // The tokens lose the hyphen of "pct-owned": the words between figure and name are read from the text.
    pattern: "holder:{HOLDER} figure:{PERCENT} owned? held:{COMPANY}",
    when: (m, s) =>
      /['’]s$/.test(m.captures.holder?.[0]?.text ?? "") &&
      /^\s*-?\s*owned\s+$/i.test(between(s, m.captures.figure?.[0], m.captures.held?.[0])),
    examples: [
      {
        input:
          "Newspapers\n\nHe said that Ostrel's 58 pct-owned Corvan Telegraph PLC should become profitable this year.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Telegraph", low: 58 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.its-pct-owned-unit",
    kind: "stake",
    // "its 42 pct-owned affiliate, Corvan Silver": the company the possessive names owns the unit named after.
    pattern: "holder:{POSSESSOR} figure:{PERCENT} owned? affiliate|subsidiary|unit|associate ,? held:{COMPANY}",
    when: (m, s) => /^\s*-?\s*owned\s+/i.test(s.text.slice(m.captures.figure?.[0]?.end ?? 0)),
    examples: [
      {
        input:
          "Mining\n\nOstrel Mines said its 42 pct-owned affiliate, Corvan Silver Ltd, would begin production next year.",
        expected: [{ kind: "stake", company: "Ostrel Mines", counterparty: "Corvan Silver", low: 42 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.pct-owned-subsidiary-of",
    kind: "stake",
    pattern: "held:{COMPANY} , a figure:{PERCENT} owned subsidiary|unit|affiliate of holder:{HOLDER}",
    examples: [
      {
        input:
          "Copper\n\nThe company planned an agreement with Corvan Industriale, a 57 pct owned subsidiary of Ostrel Metallurgica, on copper products.",
        expected: [{ kind: "stake", company: "Ostrel Metallurgica", counterparty: "Corvan Industriale", low: 57 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.is-largest-shareholder-with",
    kind: "stake",
    // "Ostrel Funds is Corvan's largest shareholder, with 8.2%": the holder is the subject, the company written
    // with "'s" is held.
    pattern:
      "holder:{HOLDER} is|was|remains|remained|became held:{COMPANY} largest|biggest|main|second-largest|second-biggest|single|principal? largest? shareholder|investor|owner ,? with {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => m.captures.held?.[0]?.type === "mention" && m.captures.held[0].mention.possessive,
    examples: [
      {
        input: "Funds\n\nIndex fund giant Ostrel Funds is Corvan's largest shareholder, with 8.2%.",
        expected: [{ kind: "stake", company: "Ostrel Funds", counterparty: "Corvan", low: 8.2 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.counts-as-shareholder",
    kind: "stake",
    // "Corvan, which counts state-backed fund Ostrel Capital as a 12% shareholder": the one counted holds.
    pattern:
      "held:{COMPANY} ,? which? counts|count|counted ...4 holder:{HOLDER} as a|an|its {FIGURE_LEAD}? figure:{PERCENT} shareholder|investor|owner",
    examples: [
      {
        input:
          "Phones\n\nCorvan Mobile, which counts state-backed fund Ostrel Capital as a 12% shareholder, set a goal of shipping 260 million phones.",
        expected: [{ kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Mobile", low: 12 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.vehicle-controlled-by",
    kind: "stake",
    // "A fund controlled by Tom Keane owns 9% of Corvan": a holding "controlled by X" is X's (the gold's convention).
    pattern:
      "a|an|the ...3 fund|vehicle|company|trust|firm|arm|entity|affiliate|subsidiary controlled|owned|run|managed by holder:{HOLDER} ...3 {OWN_OR_HAVE} {FIGURE_LEAD}? figure:{PERCENT} of|in held:{COMPANY}",
    examples: [
      {
        input: "Stake\n\nAn investment vehicle controlled by Tom Brancato owns 9% of Castova, the filing showed.",
        expected: [{ kind: "stake", company: "Tom Brancato", counterparty: "Castova", low: 9 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.controlled-by-through",
    kind: "stake",
    pattern:
      "held:{COMPANY} ,? which|that? is|was still? controlled|owned|held|backed by the|its? founding? holder:{HOLDER} family? ...4 through|via|with {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Talks\n\nThe talks were confirmed as Corvan, which is controlled by the Keane family through a 44% holding, reported a 9% rise in revenue.",
        expected: [{ kind: "stake", company: "Keane family", counterparty: "Corvan", low: 44 }],
      },
      {
        input:
          "Results\n\nCorvan Stores, which is still controlled by the founding Keane family with about 30% of the shares, said it expected sales to rise.",
        expected: [
          { kind: "stake", company: "Keane family", counterparty: "Corvan Stores", low: 30, approximate: true },
        ],
      },
    ],
    build: controlledThrough,
  },
  {
    name: "stake.is-largest-shareholder-in-with",
    kind: "stake",
    // "Ostrel Funds is the largest shareholder in Corvan Tool, with 8.2%".
    pattern:
      "holder:{HOLDER} is|was|remains|remained|became the largest|biggest|main|second-largest|second-biggest|single|principal largest? shareholder|investor|owner in|of held:{COMPANY} ,? with {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Funds\n\nOstrel Funds remains the biggest shareholder in Corvan Tool, with about 9%.",
        expected: [{ kind: "stake", company: "Ostrel Funds", counterparty: "Corvan Tool", low: 9, approximate: true }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.pct-of-is-held-by",
    kind: "stake",
    // "A further 12.4 pct of Corvan is held by a company controlled by Tom Keane": the holder behind the vehicle.
    pattern: "figure:{PERCENT} of held:{COMPANY} is|are|was|were held|owned|controlled by|through ...7 holder:{HOLDER}",
    examples: [
      {
        input:
          "Shareholders\n\nA further 12.4 pct of Corvan Mining is held by a company controlled by financier Tom Keane, the company said.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Mining", low: 12.4 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.it-is-pct-owned-by",
    kind: "stake",
    // "It is 9.8 pct owned by Ostrel Mills": "it" for the company the article is about.
    pattern: "held:it is|was|will be? figure:{PERCENT} -? owned|held|controlled by holder:{HOLDER}",
    examples: [
      {
        input: "Bakery results\n\nCorvan Bakeries reported higher sales. It is 9.8 pct owned by Ostrel Mills Inc.",
        expected: [{ kind: "stake", company: "Ostrel Mills", counterparty: "Corvan Bakeries", low: 9.8 }],
      },
    ],
    build: ownedStake,
  },
  {
    name: "stake.further-pct-is-held-by",
    kind: "stake",
    // "Ostrel owns 17% of the company, while a further 9% is held by a state fund": the company spoken of is held.
    pattern:
      "a|another further|additional|remaining? figure:{PERCENT} stake|holding|interest? is|are|was|were held|owned|controlled by|through ...7 holder:{HOLDER}",
    examples: [
      {
        input:
          "Shareholders\n\nCorvan's main shareholder, the Keane family, owns 17% of the company, while a further 9% is held by the state-run Ostrel Development Fund.",
        expected: [{ kind: "stake", company: "Ostrel Development Fund", counterparty: "Corvan", low: 9 }],
      },
    ],
    build: furtherHolder,
  },
  {
    name: "stake.stake-in-is-held-by",
    kind: "stake",
    // "A 12% stake in Corvan is held by Dutch telecoms group Ostrel": the holding named before its holder.
    pattern:
      "a|an|the|another|further figure:{PERCENT} {STAKE_NOUN} in|of held:{COMPANY} is|are|was|were held|owned|controlled by ...5 holder:{HOLDER}",
    examples: [
      {
        input:
          "Shareholders\n\nA 12% stake in Corvan Telecom is held by Dutch telecoms group Ostrel, which has said it has no plans to sell.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Telecom", low: 12 }],
      },
    ],
    build: ownedStake,
  },
];
