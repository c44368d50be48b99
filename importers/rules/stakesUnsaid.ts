import { PREPOSITIONS } from "../lexicons/stakes";
import type { Match } from "./pattern";
import { PIECES, tokenIs } from "./pieces";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import {
  asideStake,
  describedStake,
  heldAsOwner,
  nameOf,
  ofAMarket,
  ownStake,
  STAKE_CHANGE_WORDS,
  spokenOfAsHolder,
  stakeStatus,
  undatedStake,
} from "./stakeRoles";
import type { Token } from "./tokens";

const OBJECT_WORDS = new Set(PREPOSITIONS);

/** What a stake rule must not read as a stake: a share of a market, or a figure the longer rules take ("% of X"). */
const noHeldNamed = (m: Match, s: RuleSentence) => {
  const figure = m.captures.figure?.[0];
  // "sold half its finance arm": a fraction of a business, not of the shares.
  if (figure?.type === "quantity" && figure.quantity.fraction) return false;
  // "Market leader Ondrecht held 21 per cent", after a market share: a rival's share, not a stake.
  // "may buy up to 15 pct of the outstanding shares": shares named, not a company, so the company goes unsaid.
  // ("controls 31.8 pct of the voting power": so are its votes.)
  const ofShares =
    /^\s*of\s+(?:the|its|their)\s+(?:(?:total|outstanding|issued|common|voting|ordinary)\s+){0,3}(?:shares|stock|common\s+stock|capital|share\s+capital|equity|voting\s+(?:power|rights)|votes)\b/i.test(
      s.text.slice(s.tokens[m.to - 1]?.end ?? 0),
    );
  return (
    // (After a market's shares, "in which the Y fund holds 7.5%" is still a holding.)
    (s.ctx.shareMarket === null || spokenOfAsHolder(m, s)) &&
    !ofAMarket(m, s) &&
    (ofShares ||
      !/^(?:of|in|stakes?|interests?|holdings?|share|shares|more|fewer|held|owned|controlled)$/.test(
        s.tokens[m.to]?.lower ?? "",
      ))
  );
};

/**
 * Stakes whose company goes unsaid: "it may raise its holding to 12%", "may buy up to 24.9 pct", "sold his entire
 * 1.2 per cent holding". The company held is the one last held in the article, else the one the sentence names
 * besides the holder, else the article's.
 */
/** "Its largest shareholder, the Ostrel Authority, owns 40%": the company the possessive stands for is held. */
function shareholderInApposition(m: Match, s: RuleSentence): FactRoles[] {
  const whose = m.captures.held?.[0];
  const holder = nameOf(m.captures.holder?.[0]);
  const figure = m.captures.figure?.[0];
  const held = whose?.type === "mention" ? whose.mention.company : s.roles.topic?.company;
  if (!holder || !held || held === holder || figure?.type !== "quantity") return [];
  // "Its chairman, Tom Keane, whose family controls 22%": the family's holding.
  const person = m.captures.holder?.[0];
  const family =
    person && /^\s*,\s*whose\s+family\b/i.test(s.text.slice(person.end, figure.start))
      ? `${holder.split(" ").at(-1)} family`
      : holder;
  return [undatedStake(figure.quantity, family, held, stakeStatus(s, m), ["company", "counterparty"])];
}

/** "Corvan's founding Keane family, which owns 62%, will see its holding fall to 31%": the sentence's subject. */
function subjectSeesStake(m: Match, s: RuleSentence): FactRoles[] {
  const subject = s.tokens.slice(0, m.from).find(
    (t, i) =>
      (t.type === "person" || (t.type === "mention" && t.mention.how === "name" && !t.mention.possessive)) &&
      // "owns 61% of Corvan and will see its holding fall": the company held is no subject.
      !/^(?:of|in)$/.test(s.tokens[i - 1]?.lower ?? ""),
  );
  return subject ? describedStake({ ...m, captures: { ...m.captures, holder: [subject] } }, s) : [];
}

/**
 * "owns 61% of Corvan and wants to raise its holding": where the company held before the "its" is named, when "its"
 * was read as that company or as one named after it ("61% of Corvan, a Polish brewer, and ..."); else -1.
 */
function possessiveOfHeld(m: Match, s: RuleSentence): number {
  const holder = m.captures.holder?.[0];
  if (holder?.type !== "mention" || holder.mention.how !== "pronoun") return -1;
  const before = s.tokens.slice(0, m.from);
  // "of Corvan", "of Polish brewer Corvan", after a percentage: what the percentage is of.
  const at = before.findLastIndex(
    (t, i) =>
      t.type === "mention" &&
      t.mention.how === "name" &&
      s.tokens.slice(Math.max(0, i - 4), i).some((w) => /^(?:of|in)$/.test(w.lower)) &&
      s.tokens.slice(Math.max(0, i - 7), i).some((w) => tokenIs(PIECES.PERCENT, w)),
  );
  if (at < 0) return -1;
  const since = before.slice(at).filter((t) => t.type === "mention" && t.mention.how !== "pronoun");
  return since.some((t) => t.type === "mention" && t.mention.company === holder.mention.company) ? at : -1;
}

/**
 * A stake moved by "its" holding: the holder "its" stands for, unless that is the company just held ("owns 61% of
 * Corvan and wants to raise its holding"), when it is whoever holds that company in the sentence: the last one
 * named before it, which may itself be "it" ("Keane said Ostrel owns 15% of Corvan and plans to raise its stake").
 */
function possessiveHolderStake(m: Match, s: RuleSentence): FactRoles[] {
  const plain = describedStake(m, s);
  const at = possessiveOfHeld(m, s);
  const held = at >= 0 && s.tokens[at].type === "mention" ? s.tokens[at].mention.company : null;
  // Only a reading that took "its" at its word, or made the company held a holder (so that none was left), is read
  // again.
  const its = m.captures.holder?.[0];
  const read = its?.type === "mention" ? its.mention.company : null;
  if (!held || (plain.length > 0 && !plain.some((r) => r.company === held || r.company === read))) return plain;
  const subject = s.tokens
    .slice(0, at)
    .findLast(
      (t) =>
        t.type === "person" ||
        (t.type === "mention" && !t.mention.possessive && t.mention.company !== held && t.mention.how !== "group"),
    );
  return subject ? describedStake({ ...m, captures: { ...m.captures, holder: [subject] } }, s) : [];
}

/** Whether the figure "that" stands for, the last one before the match's verb, is a share of a market. */
function shareBefore(m: Match, s: RuleSentence): boolean {
  const verb = s.tokens.slice(m.from, m.to).find((t) => STAKE_CHANGE_WORDS.has(t.lower));
  const last = s.tokens
    .slice(0, verb ? s.tokens.indexOf(verb) : m.from)
    .findLast((t) => t.type === "quantity" && t.quantity.unit === "percent");
  // "It has 14% of the cider market. It hopes to lift that to 20%": "that" is the share the sentence before gave.
  const that = verb ? s.tokens[s.tokens.indexOf(verb) + 1]?.lower : undefined;
  if (last === undefined) return s.ctx.shareMarket?.age === 0 && (that === "that" || that === "it");
  return (
    // ("3% of all clothing sold in the UK", "a 9% share": a part of what a market buys.)
    /^\s*(?:(?:of|in)\s+(?:the\s+|all\s+)?[\w\s'’-]{0,40}?\b(?:market|sold|sales|spending|shipments)\b|(?:market\s+)?share\b)/i.test(
      s.text.slice(last.end, last.end + 60),
    )
  );
}

export const UNSAID_STAKE_RULES: Rule[] = [
  {
    name: "stake.will-see-holding-move",
    kind: "stake",
    pattern:
      "see {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} be? fall|drop|shrink|slip|rise|climb|increase|decrease|reduced|diluted|cut to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Share issue\n\nCorvan Tool's founder, Jane Keane, who owns about 31% of the company, will see her stake fall to roughly 27% once the new shares are issued.",
        expected: [
          {
            kind: "stake",
            company: "Jane Keane",
            counterparty: "Corvan Tool",
            low: 27,
            approximate: true,
            status: "forecast",
          },
        ],
      },
    ],
    build: subjectSeesStake,
  },
  {
    name: "stake.changed-to-unsaid",
    kind: "stake",
    pattern:
      "{STAKE_CHANGE} holder:{HOLDER_REF} total|combined|joint? {STAKE_NOUN} down? to {FIGURE_LEAD}? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Investor builds stake\n\nOstrel Capital said it bought 6.1% of Corvan Tool and may increase its holding to as much as 12%.",
        expected: [
          { kind: "stake", company: "Ostrel Capital", counterparty: "Corvan Tool", low: 12, status: "forecast" },
        ],
      },
      {
        input: "Sale\n\nCorvan Tool said founder Jane Keane had sold shares, reducing her holding to 18%.",
        expected: [{ kind: "stake", company: "Jane Keane", counterparty: "Corvan Tool", low: 18, status: "actual" }],
      },
      {
        // "its" read as the company just held would make the held company its own holder.
        input:
          "Brewing push\n\nOstrel Brands said it already owns 61% of Polish brewer Corvan Piwo and wants to raise its holding to 80% this year.",
        expected: [{ kind: "stake", company: "Ostrel Brands", counterparty: "Corvan Piwo", low: 80, status: "target" }],
      },
    ],
    build: possessiveHolderStake,
  },
  {
    name: "stake.raise-that-to",
    kind: "stake",
    // "owns 30% of Corvan and is in talks to raise that to 51%", "intends to increase it to 33.4 pct", "plans to
    // build the holding to 10%": the stake just said, moved to a new level.
    pattern:
      "{HOLDER_REF} ...16 {STAKE_CHANGE} that|it|the holding|stake|shareholding? up? to {FIGURE_LEAD}? figure:{PERCENT}",
    // "has 7.4% of the womenswear market and hopes to lift that to 10%": a share of a market moved, no stake.
    when: (m, s) => !shareBefore(m, s),
    examples: [
      {
        input:
          "Studio deal\n\nOstrel Media owns 30% of Seoul-based studio Corvan Pictures and is in talks to raise that to 51%, which would give it control.",
        expected: [
          { kind: "stake", company: "Ostrel Media", counterparty: "Corvan Pictures", low: 51, status: "target" },
        ],
      },
    ],
    // The holder is the one the sentence opens with, not the company held named just before the verb.
    build: (m, s) => {
      const opener = s.tokens.slice(0, m.to).find(
        (t) =>
          tokenIs(PIECES.HOLDER, t) ||
          // ("It owns 45% of Corvan and wants to raise that to 51%": "it", opening the sentence, is the holder.)
          (t.type === "mention" &&
            (t.mention.how === "description" || (t.mention.how === "pronoun" && !t.mention.possessive))),
      );
      return opener ? describedStake({ ...m, captures: { ...m.captures, holder: [opener] } }, s) : [];
    },
  },
  {
    name: "stake.left-with-unsaid",
    kind: "stake",
    // "Its founder, who owns 22% of Corvan, will be left with 19% once the sale closes": the level after a sale, of
    // the company spoken of.
    pattern: "holder:{HOLDER_REF} ...6 will|would be left with a|an? {FIGURE_LEAD}? figure:{PERCENT}",
    // ("Corvan's founder, Anna Velde, ... will be left with 16%": the founder is left with it, not Corvan; "owns 51% of
    // the company and will be left with 16%": the company is what is held.)
    when: (m, s) => {
      const holder = m.captures.holder?.[0];
      const before = holder ? s.tokens[s.tokens.indexOf(holder) - 1]?.lower : undefined;
      return (
        !(holder?.type === "mention" && holder.mention.possessive) &&
        !(before && OBJECT_WORDS.has(before)) &&
        noHeldNamed(m, s)
      );
    },
    examples: [
      {
        input:
          "Stake sale\n\nDate: 2 June 2026\n\nOstrel Capital agreed to buy 3% of Corvan Media from its founder. Founder Anna Velde, who owns 22% of Corvan Media, will be left with 19% once the sale closes.",
        expected: [{ kind: "stake", company: "Anna Velde", counterparty: "Corvan Media", low: 19, status: "forecast" }],
      },
    ],
    // Only the holder the pattern found: a subject looked for before an aside ("bought from Corvan's founder, Anna
    // Velde, who owns 51% and will be left with 16%") is the seller's company, not who is left with the shares.
    build: (m, s) => {
      const named = nameOf(m.captures.holder?.[0]);
      return describedStake(m, s).filter((r) => !named || r.company === (s.roles.people.get(named) ?? named));
    },
  },
  {
    name: "stake.verb-pct-unsaid",
    kind: "stake",
    pattern: "holder:{HOLDER_REF} ...6 {STAKE_VERB} {FIGURE_LEAD}? {FIGURE_LEAD}? figure:{PERCENT}",
    when: noHeldNamed,
    examples: [
      {
        input:
          "Filing\n\nTom Keane told regulators he holds 6.1 pct of Corvan Tool. He said he may buy up to 24.9 pct.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 24.9, status: "forecast" }],
      },
      {
        input:
          "Holder named\n\nCorvan Tool said on Monday that Ostrel Trading Ltd now holds 12.5 pct of its shares after buying 4.6 mln shares from the state's fund.",
        expected: [{ kind: "stake", company: "Ostrel Trading", counterparty: "Corvan Tool", low: 12.5 }],
      },
    ],
    // "holds 12.5 pct of its shares": the company "its" stands for is the one held.
    // ("Corvan said Ostrel now holds 12.5 pct of its shares": "its" is the speaker's, never the holder's own.)
    build: (m, s) => {
      const of = s.tokens[m.to];
      const whose = of?.lower === "of" ? s.tokens[m.to + 2 - (s.tokens[m.to + 1]?.lower === "the" ? 0 : 1)] : undefined;
      const found = describedStake(m, s);
      if (whose?.type !== "mention" || whose.mention.how !== "pronoun") return found;
      // The sentence's first company other than the holder ("Corvan said Ostrel holds", "Corvan will become private
      // with Ostrel holding"), else the one the article speaks of ("It said Ostrel holds 12.5 pct of its shares").
      return found.flatMap((r) => {
        const first = s.tokens
          .slice(0, s.tokens.indexOf(m.captures.holder?.[0] as Token))
          .find(
            (t, i) =>
              t.type === "mention" &&
              t.mention.how === "name" &&
              !t.mention.possessive &&
              t.mention.company !== r.company &&
              !/^(?:with|of|in|from|to|for|by|and)$/.test(s.tokens[i - 1]?.lower ?? ""),
          );
        const held = first?.type === "mention" ? first.mention.company : (s.roles.topic?.company ?? s.roles.main);
        return held && held !== r.company ? [{ ...r, counterparty: held }] : [];
      });
    },
  },
  {
    name: "stake.whole-holding-sold",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {STAKE_VERB} {HOLDING_POSS} entire|whole|remaining? figure:{PERCENT} {STAKE_NOUN}",
    when: noHeldNamed,
    examples: [
      {
        input:
          "Boardroom\n\nCorvan Tool lost its chief executive. Separately, chairman Tom Keane said he had sold his entire 1.2 per cent holding.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 1.2, status: "actual" }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.largest-shareholder-is",
    kind: "stake",
    // "Corvan's largest shareholder remains the Ostrel Investment Authority, a Gulf fund, with 9.1%": the company
    // written with "'s" is the one held.
    pattern:
      "held:{COMPANY} ...3 shareholder|shareholders|investor|owner ...6 is|was|remains|remained|are|were the? ...4 holder:{HOLDER} ...10 with {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => heldAsOwner(m),
    examples: [
      {
        input:
          "Fund\n\nCorvan's largest shareholder remains the Ostrel Investment Authority, a Gulf sovereign wealth fund, with 9.1%.",
        expected: [{ kind: "stake", company: "Ostrel Investment Authority", counterparty: "Corvan", low: 9.1 }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.largest-shareholder-owns",
    kind: "stake",
    // "Its largest shareholder, the Ostrel Investment Authority, owns 40%": the holder in apposition, the company
    // whose shareholder it is held.
    pattern:
      "held:{POSSESSOR} largest|biggest|main|principal|single|controlling shareholder|investor|owner , the? ...4 holder:{HOLDER} , owns|holds|controls|has {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Deal\n\nCorvan Steel agreed to buy a rival. Its largest shareholder, the Ostrel Investment Authority, owns 40% and backs the deal.",
        expected: [{ kind: "stake", company: "Ostrel Investment Authority", counterparty: "Corvan Steel", low: 40 }],
      },
      {
        input:
          "Oil\n\nCorvan Oil is for sale. Corvan's main shareholder, Siberian holding company Ostrelinvest, owns 61% and will keep it.",
        expected: [{ kind: "stake", company: "Ostrelinvest", counterparty: "Corvan", low: 61 }],
      },
    ],
    build: shareholderInApposition,
  },
  {
    name: "stake.its-largest-shareholder-remains",
    kind: "stake",
    // "Corvan said its largest shareholder remains Ostrel Holdings, with 19.6 pct".
    pattern:
      "held:{POSSESSOR} largest|biggest|main|principal|single|controlling shareholder|investor|owner is|was|remains|remained holder:{HOLDER} ,? with {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Holders\n\nCorvan Valve had 1986 sales of 96 mln dlrs. Corvan said its largest shareholder remains Ostrel Holdings Inc, with 19.6 pct.",
        expected: [{ kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan", low: 19.6 }],
      },
    ],
    build: shareholderInApposition,
  },
  {
    name: "stake.leaving-it-with",
    kind: "stake",
    // "The state will sell 10% of Corvan Steel, leaving it with 75.5% of the company": "it" is the seller.
    pattern: "leave|leaving|left it|them with {FIGURE_LEAD}? figure:{PERCENT} of ...3 held:{HELD_REF}",
    examples: [
      {
        input:
          "Sale\n\nThe Ruritanian government is to sell 10% of steelmaker Corvan Steel in a share offering, leaving it with 75.5% of the company.",
        expected: [{ kind: "stake", company: "Ruritanian government", counterparty: "Corvan Steel", low: 75.5 }],
      },
    ],
    build: subjectSeesStake,
  },
  {
    name: "stake.its-officer-holds",
    kind: "stake",
    // "Its chairman, Tom Keane, holds about 9.4 pct of the company's shares": the person in apposition holds the
    // company the possessive stands for.
    // ("Its co-founder and chief executive, Mira Quastel, owns about 11%": two titles joined.)
    pattern: "held:{POSSESSOR} ...6 , holder:{PERSON} , ...2 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Filing\n\nCorvan Tool had 1986 sales of 186 mln dlrs. Its chairman, Tom Keane, holds about 9.4 pct of the company's shares.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 9.4, approximate: true }],
      },
      {
        input:
          "Grocer\n\nCorvana delivers groceries in 400 cities. Its co-founder and chief executive, Mira Quastel, owns about 11% of the company.",
        expected: [{ kind: "stake", company: "Mira Quastel", counterparty: "Corvana", low: 11, approximate: true }],
      },
    ],
    build: shareholderInApposition,
  },
  {
    name: "stake.aside-biggest-shareholder-with",
    kind: "stake",
    // "The Ostrel Authority, the Gulf fund that is Corvan's biggest shareholder with about 11% of the stock, has
    // pressed": the holder opens the aside, the company written with "'s" inside it is held ("its" is the company
    // spoken of). A word or two may say what kind of shareholder ("largest outside").
    pattern:
      "holder:{HOLDER} , ...8 that|which|and is|was|remains|still held:{POSSESSOR} ...3 shareholder|investor|owner ,? with {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => heldAsOwner(m, true),
    examples: [
      {
        input:
          "Activists\n\nThe Ostrel Investment Authority, the Gulf sovereign wealth fund that is Corvan's biggest shareholder with about 11% of the stock, has pressed for cost cuts.",
        expected: [{ kind: "stake", company: "Ostrel Investment Authority", counterparty: "Corvan", low: 11 }],
      },
      {
        input:
          "Bid talk\n\nOstrel Partners, an investment firm that is Corvan's largest outside shareholder with a 7.8% stake, said it had no plans to sell.",
        expected: [{ kind: "stake", company: "Ostrel Partners", counterparty: "Corvan", low: 7.8 }],
      },
      {
        input:
          "Bid talk\n\nCorvan Foods drew a bid. The Ostrel Foundation, set up by the company's founder and still its largest shareholder with 11%, has not commented.",
        expected: [{ kind: "stake", company: "Ostrel Foundation", counterparty: "Corvan Foods", low: 11 }],
      },
    ],
    build: (m, s) => asideStake(m, s),
  },
  {
    name: "stake.holder-with",
    kind: "stake",
    pattern: "holder:{HOLDER} , ...5 shareholder|investor|owner with {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Partner sought\n\nCorvan Tool wants a partner. Chief Executive Jane Keane, the company's largest shareholder with about 14% of the stock, said so.",
        expected: [{ kind: "stake", company: "Jane Keane", counterparty: "Corvan Tool", low: 14, approximate: true }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.changed-holding-in-to",
    kind: "stake",
    pattern:
      "{STAKE_CHANGE} holder:{HOLDER_REF} held:{COMPANY}? total? {STAKE_NOUN} in? held:{HELD_REF}? half? down? to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input: "Stake\n\nThe purchase lifts Ostrel's holding in Corvan Ales to 20.5 per cent.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Ales", low: 20.5 }],
      },
      {
        input:
          "Stake\n\nInvestor Tom Keane and associates said they had cut their Corvan stake to 4.2 pct from 6.1 pct.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan", low: 4.2 }],
      },
      {
        // "in half" says by how much; the held company is the one the article is about.
        input:
          "Alliance\n\nCorvan Motors lost money in 2003. Corvan Motors raised new money in 2003, which cut Ostrel's stake in half to 10%.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan Motors", low: 10, year: 2003 }],
      },
    ],
    build: possessiveHolderStake,
  },
  {
    name: "stake.its-stake",
    kind: "stake",
    pattern:
      "{STAKE_VERB} down? holder:{HOLDER_REF} entire|whole|remaining? {FIGURE_LEAD}? figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN}",
    // "wants Corvan to sell down its roughly 43 per cent stake": the holder's own, in the company the article is about.
    when: (m, s) =>
      /^(?:its|his|her|their)$/.test(m.captures.holder?.[0]?.lower ?? "") &&
      !/^(?:in|of)$/.test(s.tokens[m.to]?.lower ?? ""),
    examples: [
      {
        input:
          "Alliance strains\n\nOstrel wants Corvan Motors to sell down its roughly 43 per cent stake and invest elsewhere.",
        expected: [{ kind: "stake", company: "Corvan Motors", counterparty: "Ostrel", low: 43, approximate: true }],
      },
    ],
    build: ownStake,
  },
];
