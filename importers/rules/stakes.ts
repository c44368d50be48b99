import { statusOf } from "../extract/status";
import { BODY_NOUNS } from "../lexicons/companies";
import { GROUP_NOUNS, HOLDER_PRONOUNS } from "../lexicons/stakes";
import { canonicalName } from "../recognise/companies";
import type { Status } from "../types";
import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import type { Token } from "./tokens";

/** A company, a person, or a public body by its whole name (a bureau is not the city it is named after). */
function nameOf(t: Token | undefined): string | null {
  if (t?.type === "person") return t.person;
  if (t?.type !== "mention") return null;
  const surface = t.mention.surfaces[0];
  return surface && BODY_NOUNS.has(surface.split(" ").at(-1)!) ? canonicalName(surface) : t.mention.company;
}

// "agreed to acquire 85 pct", "an offer to buy 51 pct": a stake not yet held.
const NOT_YET_HELD = /\b(?:to|will|would)\s+(?:\w+\s+)?(?:buy|acquire|purchase|take|sell|raise|increase)\b/i;

function stakeStatus(s: RuleSentence, m: Match): Status {
  const text = s.text.slice(s.tokens[m.from].start, s.tokens[m.to - 1].end);
  const status = statusOf(text, null, null);
  if (status !== "actual") return status;
  if (NOT_YET_HELD.test(text)) return "forecast";
  // "which would leave Keane with 23%": a modal just before the match governs it.
  return /\b(?:would|will|could)\s+$/i.test(
    s.text.slice(Math.max(0, s.tokens[m.from].start - 12), s.tokens[m.from].start),
  )
    ? "forecast"
    : "actual";
}

/** A stake has a year only when its words date it: within the match or just after it ("to 40% in 2009"). */
function statedYear(s: RuleSentence, m: Match): number | null {
  for (const t of s.tokens.slice(m.from, m.to + 3)) if (t.type === "time" && t.time.year !== null) return t.time.year;
  return null;
}

/** "a 3% stake in Corvan and Ostrel": every company named together after "in" is held. */
function heldCompanies(m: Match, s: RuleSentence): string[] {
  const first = heldToken(m, s);
  const name = nameOf(first);
  if (!first || !name) return [];
  const names = [name];
  for (let i = s.tokens.indexOf(first) + 1; i + 1 < s.tokens.length; i += 2) {
    const next = s.tokens[i + 1];
    if (!/^(?:and|,)$/.test(s.tokens[i].lower) || next.type !== "mention" || next.mention.how !== "name") break;
    names.push(nameOf(next)!);
  }
  return names;
}

/** "took 21% of the Ruritanian beer market": what the figure is of is a market, so the figure is a share of it. */
const ofAMarket = (m: Match, s: RuleSentence) =>
  s.tokens.slice(m.to, m.to + 3).some((t) => t.lower === "market" || t.lower === "markets");

/** "it" is the group's leader when the article named one, else whom the pronoun was resolved to. */
function holderOf(t: Token | undefined, s: RuleSentence): string | null {
  const leader = s.ctx.groupLeader;
  // "X sold its stake to a group led by Y": "its", before Y is named, is X's.
  const leads = leader && t && t.start >= leader.from;
  if (t?.type === "mention" && t.mention.how === "pronoun") return leads ? leader.name : t.mention.company;
  if (t?.type === "word" && (GROUP_WORDS.has(t.lower) || PRONOUNS.has(t.lower))) return leads ? leader.name : null;
  return nameOf(t);
}

const GROUP_WORDS = new Set(GROUP_NOUNS);
const PRONOUNS = new Set(HOLDER_PRONOUNS);

/** "JP Keane and Tom Ryan, who own 29%": two holders named together hold together. */
function jointHolder(m: Match, s: RuleSentence): string | null {
  const first = m.captures.holder?.[0];
  const holder = holderOf(first, s);
  if (!first || !holder) return null;
  const i = s.tokens.indexOf(first);
  const partner = i >= 2 && s.tokens[i - 1].lower === "and" ? nameOf(s.tokens[i - 2]) : null;
  return partner && partner !== holder ? `${partner} + ${holder}` : holder;
}

/** "X - a body in the city of Y - owns 55%": a name that closes an aside is not the one who owns. */
function closesAside(m: Match, s: RuleSentence): boolean {
  const first = m.captures.holder?.[0];
  const at = first ? s.tokens.indexOf(first) : -1;
  const next = s.tokens[at + 1];
  if (next === undefined) return false;
  if (/^[-–—)]$/.test(next.text)) return true;
  // "Kestrel Capital, the fund run by Tom Keane, has built a stake": the comma after Keane closes the aside.
  return next.text === "," && ASIDE_CLOSERS.has(s.tokens[at + 2]?.lower ?? "");
}

const ASIDE_CLOSERS = new Set(["has", "have", "had", "is", "was", "said", "says", "will", "would", "owns", "holds"]);

/** The subject an aside stands after: "Kestrel Capital, the fund run by Tom Keane, has ...": Kestrel Capital. */
function subjectBeforeAside(m: Match, s: RuleSentence): Token | undefined {
  const first = m.captures.holder?.[0];
  const at = first ? s.tokens.indexOf(first) : -1;
  for (let i = at - 1; i > 0; i--) {
    if (s.tokens[i].text !== ",") continue;
    const before = s.tokens[i - 1];
    return before.type === "mention" || before.type === "person" ? before : undefined;
  }
  return undefined;
}

/**
 * The company held: the one the pattern names, unless the figure has its own ("... and owns 5% of Ostrel", where
 * the pattern's company is the earlier stake's).
 */
function heldToken(m: Match, s: RuleSentence): Token | undefined {
  const figure = m.captures.figure?.[0];
  const at = figure ? s.tokens.indexOf(figure) : -1;
  if (at >= 0 && at > s.tokens.indexOf(m.captures.held?.[0]) && /^(?:of|in)$/.test(s.tokens[at + 1]?.lower ?? "")) {
    const own = s.tokens.slice(at + 2, at + 7).find((t) => t.type === "mention" && t.mention.how === "name");
    if (own) return own;
  }
  return m.captures.held?.[0];
}

function stake(m: Match, s: RuleSentence): FactRoles[] {
  if (closesAside(m, s)) {
    const subject = subjectBeforeAside(m, s);
    if (!subject) return [];
    return stake({ ...m, captures: { ...m.captures, holder: [subject] } }, s);
  }
  const holder = jointHolder(m, s);
  const figure = m.captures.figure?.[0];
  if (!holder || figure?.type !== "quantity") return [];
  const year = statedYear(s, m);
  // The forms the names were written in go to the alias table, as the extractors' facts do.
  const aliases: Record<string, string[]> = {};
  for (const t of s.tokens.slice(m.from, m.to + 6))
    if (t.type === "mention" && t.mention.how === "name") aliases[t.mention.company] = t.mention.surfaces;
  const first = m.captures.holder?.[0];
  const named = first?.type === "mention" && first.mention.how === "name";
  return heldCompanies(m, s)
    .filter((held) => held !== holder)
    .map((held) => ({
      aliases,
      stated: named ? ["company", "counterparty"] : ["counterparty"],
      figure: figure.quantity,
      company: holder,
      counterparty: held,
      when: { year, period: null, stated: year !== null },
      unit: "percent",
      status: stakeStatus(s, m),
    }));
}

/**
 * "a plan between Corvan and Ostrel, a Texas firm, which holds 9.5 pct of the company": the holder alone, never
 * joined with the name before it; "the company" is not the holder itself but the other firm of the sentence, or
 * the article's.
 */
function asideStake(m: Match, s: RuleSentence): FactRoles[] {
  const holderToken = m.captures.holder?.[0];
  const holder = nameOf(holderToken);
  const figure = m.captures.figure?.[0];
  if (!holder || figure?.type !== "quantity") return [];
  let held = nameOf(m.captures.held?.[0]);
  if (held === holder || (m.captures.held?.[0]?.type === "mention" && m.captures.held[0].mention.how !== "name")) {
    const before = s.tokens.slice(0, s.tokens.indexOf(holderToken!)).reverse();
    const other = before.find((t) => t.type === "mention" && t.mention.how === "name" && nameOf(t) !== holder);
    held = nameOf(other) ?? [s.roles.recurringTopic, s.roles.topic?.company].find((c) => c && c !== holder) ?? null;
  }
  if (!held) return [];
  return [
    {
      aliases: {},
      stated: ["company", "counterparty"],
      figure: figure.quantity,
      company: holder,
      counterparty: held,
      when: { year: null, period: null, stated: false },
      unit: "percent",
      status: stakeStatus(s, m),
    },
  ];
}

/**
 * Stakes as the newswire and the business pages write them. The holder is a company or a person named in the
 * sentence; pronouns and descriptions are left to the stake extractor, which follows the article's topic.
 */
export const STAKE_RULES: Rule[] = [
  {
    name: "stake.verb-stake-in",
    kind: "stake",
    pattern: "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} ...3 figure:{PERCENT} {STAKE_NOUN} in held:{COMPANY}",
    examples: [
      {
        input: "Stake bought\n\nOstrel Holdings said it has acquired a 9.6 pct stake in Corvan Tool.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Tool", low: 9.6, status: "actual" }],
      },
      {
        input:
          "Investor speaks\n\nInvestor Tom Keane, who holds a 12% stake in Corvan Tool, said he would vote against the plan.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 12 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.verb-pct-of",
    kind: "stake",
    pattern: "holder:{HOLDER_REF} ...8 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of ...5 held:{COMPANY}",
    when: (m, s) => !ofAMarket(m, s),
    examples: [
      {
        input:
          "Deal signed\n\nHalden Tool said it has signed an agreement to acquire 85 pct of the outstanding common stock of Brightwell Mining.",
        expected: [
          { kind: "stake", company: "Halden Tool", counterparty: "Brightwell Mining", low: 85, status: "forecast" },
        ],
      },
      {
        input: "Assets for sale\n\nNovaline, which owns 56 pct of Pellworth Oil, said it would sell assets.",
        expected: [{ kind: "stake", company: "Novaline", counterparty: "Pellworth Oil", low: 56, status: "actual" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.changed-to",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {STAKE_CHANGE} {HOLDING_POSS} {STAKE_NOUN} in held:{HELD_REF} ...8 to ...5 figure:{PERCENT}",
    examples: [
      {
        input:
          "Stake raised\n\nOstrel Holdings told regulators it raised its stake in Corvan Tool to 3,040,600 shares, or 46.6 pct of the total outstanding.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Tool", low: 46.6 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.changed-to-shares",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {STAKE_CHANGE} {HOLDING_POSS} {STAKE_NOUN} to ...4 held:{COMPANY} shares ...3 figure:{PERCENT}",
    examples: [
      {
        input:
          "Holding raised\n\nOstrel Airways revealed that it has increased its holdings to more than four mln Corvan Air shares, 15 pct of the outstanding.",
        expected: [{ kind: "stake", company: "Ostrel Airways", counterparty: "Corvan Air", low: 15, status: "actual" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.group-verb-pct-of",
    kind: "stake",
    pattern: "the holder:{GROUP_NOUN} ...6 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of ...5 held:{COMPANY}",
    when: (m, s) => !ofAMarket(m, s),
    examples: [
      {
        input:
          "Stake sold\n\nCorvan Bancorp sold its 14.6 pct stake in Halden Data to a group led by investor Tom Keane. The group holds about 21.3 pct of Halden Data's common shares.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Halden Data", low: 21.3 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.shares-or-pct",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} {FIGURE_LEAD}? {AMOUNT} shares of held:{COMPANY} ...3 , or {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Filing\n\nA group led by investor Tom Keane said it has acquired 412,300 shares of Halden Ridge Inc, or 8.7 pct of the total outstanding.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Halden Ridge", low: 8.7, status: "actual" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.and-more",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} ...3 {PERCENT} {STAKE_NOUN} in held:{COMPANY} ...4 and ...3 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Stake bought\n\nOstrel Holdings said it has acquired a 9.6 pct stake in Corvan Tool and may buy up to 24.9 pct if regulators agree.",
        // The 9.6 pct is the first rule's; this one gives the stake the same holder may go on to buy.
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Tool", low: 24.9, status: "forecast" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.pct-owned-by",
    kind: "stake",
    pattern: "held:{HELD_REF} ...4 figure:{PERCENT} owned|held|controlled by holder:{HOLDER}",
    examples: [
      {
        input: "Floated\n\nBrightwell Media will be 50 pct owned by Ostrel Holdings after the float.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Brightwell Media", low: 50, status: "forecast" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.bid-for",
    kind: "stake",
    pattern: "holder:{HOLDER_REF} ...8 {DEAL_NOUN} for ...2 figure:{PERCENT} of held:{COMPANY}",
    examples: [
      {
        input:
          "Bid launched\n\nOstrel Holdings launched a takeover bid for the 68.26 pct of Pellworth Sugar that it does not already hold.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Pellworth Sugar", low: 68.26, status: "target" }],
      },
    ],
    build: (m, s) => stake(m, s).map((roles) => ({ ...roles, status: "target" as const })),
  },
  {
    name: "stake.left-with",
    kind: "stake",
    pattern: "leave|leaving|left holder:{HOLDER} with {FIGURE_LEAD}? figure:{PERCENT} of ...3 held:{HELD_REF}",
    examples: [
      {
        input:
          "Founder sells\n\nCorvan Outdoor founder Tom Keane agreed to sell part of his stake, which would leave Tom Keane with 23% of Corvan Outdoor.",
        expected: [
          { kind: "stake", company: "Tom Keane", counterparty: "Corvan Outdoor", low: 23, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.held-by",
    kind: "stake",
    pattern: "figure:{PERCENT} {STAKE_NOUN} in held:{COMPANY} ...3 held|owned|controlled by holder:{HOLDER}",
    examples: [
      {
        input: "Shares for sale\n\nThe 20% stake in Corvan Tool held by Ostrel Holdings is for sale.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Tool", low: 20 }],
      },
    ],
    build: stake,
  },
  {
    // The company held is left unsaid: the one last held in the article, else the one it keeps returning to, but
    // never the band of investors it speaks of.
    name: "stake.held-by-of-topic",
    kind: "stake",
    pattern: "figure:{PERCENT} {STAKE_NOUN} held|owned by ...3 holder:{HOLDER}",
    examples: [
      {
        input:
          "Bid for Corvan Tool\n\nOstrel Partners raised its offer for Corvan Tool. Corvan Tool rejected it. Ostrel Partners also offered to buy the 5.3 pct stake held by dissident shareholder Tom Keane.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 5.3, status: "actual" }],
      },
    ],
    build: (m, s) => {
      const holder = nameOf(m.captures.holder?.[0]);
      const topic = [s.roles.lastHeld?.company, s.roles.recurringTopic, s.roles.topic?.company].find(
        (c) => c && c !== holder && c !== s.ctx.groupLeader?.name,
      );
      if (!topic || !holder) return [];
      const figure = m.captures.figure[0];
      if (figure.type !== "quantity") return [];
      return [
        {
          aliases: {},
          stated: ["company"],
          figure: figure.quantity,
          company: holder,
          counterparty: topic,
          when: { year: null, period: null, stated: false },
          unit: "percent",
          status: "actual",
        },
      ];
    },
  },
  {
    // A holder described in an aside that says what it holds.
    name: "stake.which-holds",
    kind: "stake",
    pattern:
      "holder:{HOLDER} , ...6 , which ...3 holding|holds|owns|held|owned {FIGURE_LEAD}? figure:{PERCENT} of held:{HELD_REF}",
    examples: [
      {
        input:
          "Plan opposed\n\nThe group opposes a plan agreed between Corvan Tool and Ostrel Partners, a Texas investment firm, which last reported holding about 9.5 pct of the company's stock.",
        expected: [
          { kind: "stake", company: "Ostrel Partners", counterparty: "Corvan Tool", low: 9.5, approximate: true },
        ],
      },
    ],
    build: asideStake,
  },
];
