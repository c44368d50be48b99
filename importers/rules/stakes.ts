import type { Match } from "./pattern";
import { type Rule, type RuleSentence, withStatus } from "./rule";
import {
  asideStake,
  describedStake,
  familyStake,
  ofAMarket,
  soldBeforeLevel,
  stake,
  stateStake,
  topicStake,
} from "./stakeRoles";
import { blockBeforeTotal } from "./stakesNoun";
import type { Token } from "./tokens";

/**
 * Stakes as the newswire and the business pages write them. The holder is a company or a person named in the
 * sentence; pronouns and descriptions are left to the stake extractor, which follows the article's topic.
 */
/**
 * "owns 20% of Corvan and may buy 5% more" goes on about the same holder; "owns 20% of Corvan, and the Tellish
 * state holds 5%" names a new one, whose stake is its own rule's.
 */
const sameSubject = (m: Match, s: RuleSentence) =>
  !(m.captures.then ?? []).some((t) => t.type === "mention" && t.mention.how !== "pronoun");

/** Whether a name follows the match's holder straight away ("group Ostrel"). */
function namedAfter(m: Match, s: RuleSentence): boolean {
  const holder = m.captures.holder?.at(-1);
  const next = holder ? s.tokens[s.tokens.indexOf(holder) + 1] : undefined;
  return next?.type === "person" || (next?.type === "mention" && next.mention.how === "name");
}

/** Whether the words between "of" and a name close one clause and open another at a comma. */
function clauseAfterHeld(between: Token[]): boolean {
  const comma = between.findIndex((t) => t.text === ",");
  if (comma === -1 || comma === between.length - 1) return false;
  return !NAMING.test(
    between
      .slice(comma + 1)
      .map((t) => t.lower)
      .join(" "),
  );
}
const NAMING = /^(?:to be |now |later )?(?:called|named|known as|renamed)\b/;

export const STAKE_RULES: Rule[] = [
  {
    name: "stake.verb-stake-in",
    kind: "stake",
    // "a 25 per cent stake in Czech rival Corvan": a few words may describe the company held.
    pattern:
      "holder:{HOLDER_REF} ...10 {OWN_OR_HAVE} ...3 figure:{PERCENT} {STAKE_KIND}? {STAKE_NOUN_IN} in ...4 held:{HELD_REF}",
    examples: [
      {
        input: "Stake bought\n\nOstrel Holdings said it has acquired a 9.6 pct stake in Corvan Tool.",
        expected: [
          { kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Tool", low: 9.6, status: "actual" },
        ],
      },
      {
        input:
          "Investor speaks\n\nInvestor Tom Keane, who holds a 12% stake in Corvan Tool, said he would vote against the plan.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Tool", low: 12 }],
      },
      {
        input:
          "Merger opposed\n\nOstrel Telecom Plc <OST.L>, which holds a 20 pct share in Corvan Data, has opposed the merger.",
        expected: [{ kind: "stake", company: "Ostrel Telecom", counterparty: "Corvan Data", low: 20 }],
      },
      {
        input:
          "Corvan results\n\nCorvan Motors said sales rose 4% in 2004. The carmaker also disclosed a 19.5% stake in parts maker Halden Parts.",
        expected: [{ kind: "stake", company: "Corvan", counterparty: "Halden Parts", low: 19.5 }],
      },
      {
        // An apposition after the holder is skipped whole; its year is not the stake's.
        input:
          "Brewers\n\nOstrel, the country's second-biggest brewer since 1998, has agreed to buy a 20% stake in Corvan Pivovar.",
        expected: [
          { kind: "stake", company: "Ostrel", counterparty: "Corvan Pivovar", low: 20, year: null, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.verb-pct-of",
    kind: "stake",
    // "agreed to buy the 60% of Corvan it does not already own": the rest, written as its figure.
    pattern:
      "holder:{HOLDER_REF} ...8 {STAKE_VERB} the? {FIGURE_LEAD}? figure:{PERCENT} more? of|in between:...5 held:{COMPANY}",
    // "owns 31% of the company, and Ostrel owns 18%": the company held was said before the comma (one apposed
    // after it is the one held: "60% of its partner, Ostrel", "60% of the new firm, to be called Ostrel").
    // ("bought a further 4.2 pct of Corvan, taking its holding to 29.5 pct": the block is no stake, the total is.)
    when: (m, s) => !ofAMarket(m, s) && !clauseAfterHeld(m.captures.between ?? []) && !blockBeforeTotal(m, s),
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
      "holder:{HOLDER_REF} ...6 {STAKE_CHANGE} {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} in ...4 held:{HELD_REF} ...14 to ...5 figure:{PERCENT}",
    examples: [
      {
        input:
          "Stake raised\n\nOstrel Holdings told regulators it raised its stake in Corvan Tool to 3,040,600 shares, or 46.6 pct of the total outstanding.",
        expected: [{ kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Tool", low: 46.6 }],
      },
      {
        // "they" was resolved to no one: it stands for the name that opens the clause.
        input:
          "Stake raised\n\nTom R. Keane and associates said they raised their stake in Corvan Tool to 612,000 shares, or 9.4 pct of the total outstanding.",
        expected: [{ kind: "stake", company: "Tom R. Keane", counterparty: "Corvan Tool", low: 9.4 }],
      },
      {
        // The group led in the sentence before does not speak through this sentence's "it".
        input:
          "Stake filings\n\nA group led by investor Tom Keane said it holds 8.3 pct of Corvan Tool. In a separate filing, Ostrel Industries Inc said it had cut its stake in Corvan Tool to 4.6 pct from 6.1 pct.",
        expected: [{ kind: "stake", company: "Ostrel Industries", counterparty: "Corvan Tool", low: 4.6 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.changed-to-shares",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...6 {STAKE_CHANGE} {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} to ...4 held:{COMPANY} shares ...3 figure:{PERCENT}",
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
    pattern: "the? holder:{GROUP_HEAD} ...6 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of ...5 held:{COMPANY}",
    // "Belgian group Ostrel, which owns 47.5% of Corvan": a calling before a name is no group of holders.
    when: (m, s) => !ofAMarket(m, s) && !namedAfter(m, s),
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
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} {FIGURE_LEAD}? {AMOUNT} common|ordinary? shares|stock of held:{COMPANY} ...3 , or {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Filing\n\nA group led by investor Tom Keane said it has acquired 412,300 shares of Halden Ridge Inc, or 8.7 pct of the total outstanding.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Halden Ridge", low: 8.7, status: "actual" }],
      },
      {
        input:
          "Filing\n\nOstrel Corp said it bought 612,000 common shares of Corvan Inc, or 9.8 pct of those outstanding, from a fund.",
        expected: [{ kind: "stake", company: "Ostrel", counterparty: "Corvan", low: 9.8, status: "actual" }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.named-shares-or-pct",
    kind: "stake",
    // "said it holds 512,000 Halden shares, or 5.3 pct": the held company named before "shares".
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} {FIGURE_LEAD}? {AMOUNT} held:{COMPANY} common|ordinary? shares|stock ,? or {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Filing\n\nSeparately, Ostrel Insurance Co said it holds 512,000 Halden Tool shares, or 5.3 pct, acquired for investment purposes.",
        expected: [
          { kind: "stake", company: "Ostrel Insurance", counterparty: "Halden Tool", low: 5.3, status: "actual" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.shares-or-pct-of",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} {FIGURE_LEAD}? {AMOUNT} common|ordinary? shares|stock ,? or {FIGURE_LEAD}? figure:{PERCENT} ,? of ...2 held:{COMPANY}",
    examples: [
      {
        input:
          "Filing\n\nA group led by investor Tom Keane told regulators it holds 412,000 shares, or 6.3 pct, of Halden Foods Inc's common stock.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Halden Foods", low: 6.3, status: "actual" }],
      },
      {
        input:
          "Filing\n\nOstrel Telecom Ltd said it acquired 2.3 mln common shares, or 19.8 pct, of Corvan Cellular Inc, a mobile operator.",
        expected: [
          { kind: "stake", company: "Ostrel Telecom", counterparty: "Corvan Cellular", low: 19.8, status: "actual" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.shares-taking-holding-to",
    kind: "stake",
    // A purchase of shares and the holding it makes: "bought a further 3.7 mln shares in Corvan Ltd, taking its
    // holding to 28.4 pct", "bought 2.4 mln shares of Corvan, giving it a 19.5 pct interest".
    pattern:
      "holder:{HOLDER_REF} ...8 {STAKE_VERB} ...4 shares|stock of|in held:{COMPANY} ...8 , taking|giving|bringing|lifting|raising its|their|it|them a|an|holding|stake|interest|total|to? ...2 {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Stake raised\n\nOstrel Holdings Ltd said it bought a further 3.7 mln shares in Corvan Pastoral Co Ltd, taking its holding to 28.4 pct.",
        expected: [{ kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Pastoral", low: 28.4 }],
      },
      {
        input:
          "Stake bought\n\nOstrel Resources Ltd said it bought 2.4 mln common shares of Corvan Mines Ltd from a fund, giving it a 19.5 pct interest in the miner.",
        expected: [{ kind: "stake", company: "Ostrel Resources", counterparty: "Corvan Mines", low: 19.5 }],
      },
    ],
    build: stake,
  },
  {
    name: "stake.and-more",
    kind: "stake",
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} ...3 {PERCENT} {STAKE_NOUN} in held:{COMPANY} ...4 and then:...3 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    when: sameSubject,
    examples: [
      {
        input:
          "Stake bought\n\nOstrel Holdings said it has acquired a 9.6 pct stake in Corvan Tool and may buy up to 24.9 pct if regulators agree.",
        // The 9.6 pct is the first rule's; this one gives the stake the same holder may go on to buy.
        expected: [
          { kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Tool", low: 24.9, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.said-it-and-may-buy",
    kind: "stake",
    // "Ostrel said it has held talks with Corvan's board and may acquire up to 20 pct of the company": the clause
    // after "and" goes on with the subject "it" stands for, past words that name no other subject.
    pattern:
      "holder:{HOLDER} said it|he|she then:...16 and may|might|could|would|will {STAKE_VERB} {FIGURE_LEAD}? {FIGURE_LEAD}? figure:{PERCENT} of held:{HELD_REF}",
    when: (m, s) =>
      !(m.captures.then ?? []).some(
        (t) => (t.type === "mention" && !t.mention.possessive) || t.type === "person" || t.type === "quantity",
      ) && !ofAMarket(m, s),
    examples: [
      {
        input:
          "Talks\n\nDate: 4 March 1987\n\nOstrel Holdings said it has held talks with Corvan Tool's management about a seat on the board and may acquire up to 20 pct of the company.",
        expected: [
          { kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Tool", low: 20, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.and-more-of",
    kind: "stake",
    // "has acquired 8.2 pct of Corvan's common stock and may buy up to 15 pct": as stake.and-more, with "% of".
    pattern:
      "holder:{HOLDER_REF} ...8 {OWN_OR_HAVE} ...3 {PERCENT} of ...4 held:{COMPANY} ...6 and then:...3 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => sameSubject(m, s) && !blockBeforeTotal(m, s),
    examples: [
      {
        input:
          "Filing\n\nOstrel Partners Ltd said it has acquired 8.2 pct of Corvan Industries Inc's common stock and may buy up to 15 pct, according to a filing.",
        expected: [
          { kind: "stake", company: "Ostrel Partners", counterparty: "Corvan Industries", low: 15, status: "forecast" },
        ],
      },
    ],
    build: stake,
  },
  {
    name: "stake.pct-owned-by",
    kind: "stake",
    pattern: "held:{HELD_REF} ...5 figure:{PERCENT} -? owned|held|controlled by ...4 holder:{HOLDER}",
    examples: [
      {
        input: "Floated\n\nBrightwell Media will be 50 pct owned by Ostrel Holdings after the float.",
        expected: [
          { kind: "stake", company: "Ostrel Holdings", counterparty: "Brightwell Media", low: 50, status: "forecast" },
        ],
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
        expected: [
          { kind: "stake", company: "Ostrel Holdings", counterparty: "Pellworth Sugar", low: 68.26, status: "target" },
        ],
      },
    ],
    build: withStatus(stake, "target"),
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
        expected: [{ kind: "stake", company: "Ostrel Holdings", counterparty: "Corvan Tool", low: 20 }],
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
    build: topicStake,
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
  {
    // "Founder Jane Keane, who opened the first shop in 1994, still owns about 14% of the company": the holder
    // before a long aside about them, the verb after it.
    name: "stake.holder-aside-owns",
    kind: "stake",
    pattern:
      "holder:{HOLDER} , who|which ...16 , still|now|also? {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of ...3 held:{HELD_REF}",
    examples: [
      {
        input:
          "Shops\n\nCorvan Bowl runs 40 alleys. Founder Jane Keane, who opened the first Corvan Bowl in a converted garage in 1994, still owns about 14% of the company.",
        expected: [
          { kind: "stake", company: "Jane Keane", counterparty: "Corvan Bowl", low: 14, approximate: true, year: null },
        ],
      },
    ],
    // The aside's years ("in 1994") are its own, not the stake's.
    build: (m, s) => describedStake(m, s).map((r) => ({ ...r, when: { year: null, period: null, stated: false } })),
  },
  {
    // "The Dutch government, which stepped in with a rescue during the chip shortage, still holds 14% of the
    // company", "Ostrel Foundation, set up by the founders in 1952, controls 8% of the shares": the holder, an aside
    // closed by its comma that names no one else and reports no speech, then the verb.
    name: "stake.holder-long-aside",
    kind: "stake",
    pattern: "holder:{HOLDER} , ...18 , still|now|also? {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => {
      const holder = m.captures.holder?.[0];
      const figure = m.captures.figure?.[0];
      const aside = s.tokens.slice(s.tokens.indexOf(holder!) + 2, s.tokens.indexOf(figure!));
      return (
        s.tokens[m.from - 1]?.text !== "," &&
        !ofAMarket(m, s) &&
        !aside.some(
          (t) =>
            t.type === "person" ||
            (t.type === "mention" && t.mention.how !== "description") ||
            /^(?:said|says|told|according)$/.test(t.lower),
        )
      );
    },
    examples: [
      {
        input:
          "Brewer\n\nCorvan Brewing rejected the bid. The Ostrel Foundation, set up by the founding family in 1952, controls 8% of the shares and sided with the board.",
        expected: [{ kind: "stake", company: "Ostrel Foundation", counterparty: "Corvan Brewing", low: 8, year: null }],
      },
    ],
    // The aside's years ("in 1952") are its own, not the stake's.
    build: (m, s) => describedStake(m, s).map((r) => ({ ...r, when: { year: null, period: null, stated: false } })),
  },
  {
    // "The Ostrel Foundation, which holds 34% of the shares, backed the sale": the shares of the article's company.
    name: "stake.which-holds-the-shares",
    kind: "stake",
    pattern:
      "holder:{HOLDER} , which|who ...2 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT} of the|its? shares|stock|capital|equity",
    examples: [
      {
        input:
          "Packaging sale\n\nCorvan Verpackung plans to sell its packaging arm. The Ostrel Foundation, which holds 34% of the shares, said it would support the sale.",
        expected: [{ kind: "stake", company: "Ostrel Foundation", counterparty: "Corvan Verpackung", low: 34 }],
      },
    ],
    build: describedStake,
  },
  {
    name: "stake.family-holds",
    kind: "stake",
    pattern:
      "the|its|their founding|controlling? holder:{HOLDER} family ...12 {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => !soldBeforeLevel(m, s),
    examples: [
      {
        input:
          "Corvan Media bid\n\nCorvan Media rejected the offer. The Ostrel family, which controls 52 per cent of the shares, ruled out a sale.",
        expected: [{ kind: "stake", company: "Ostrel family", counterparty: "Corvan Media", low: 52 }],
      },
      {
        input:
          "Hotel bid\n\nCorvan Leisure runs 48 hotels. Its founding Ostrel family, which controls 22% of the shares, said it had no plans to sell.",
        expected: [{ kind: "stake", company: "Ostrel family", counterparty: "Corvan Leisure", low: 22 }],
      },
    ],
    build: familyStake,
  },
  {
    // "The Ostrel family, which opened the first shop in a garage in 1923, still controls 22%": a long aside
    // closed by its comma, then the verb.
    name: "stake.family-aside-holds",
    kind: "stake",
    pattern:
      "the|its|their founding|controlling? holder:{HOLDER} family , ...18 , still|now|also? {STAKE_VERB} {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m, s) => !soldBeforeLevel(m, s),
    examples: [
      {
        input:
          "Grocer\n\nCorvan Stores is Britain's fifth-largest grocer. The Ostrel family, which founded the business as a corner shop in 1923, still controls about 22% of the shares.",
        expected: [
          { kind: "stake", company: "Ostrel family", counterparty: "Corvan Stores", low: 22, approximate: true },
        ],
      },
    ],
    build: (m, s) => familyStake(m, s).map((r) => ({ ...r, when: { year: null, period: null, stated: false } })),
  },
  {
    // "The Ostrel family, heirs of the founder of Corvan, sold 4.5% of the company, cutting the family's holding to
    // 26.1%": the holding the sale left.
    name: "stake.family-holding-changed-to",
    kind: "stake",
    pattern:
      "the|its|their founding|controlling? holder:{HOLDER} family ...24 {STAKE_CHANGE} the family's|family’s|its|their {STAKE_NOUN} ...3 to {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Placing\n\nThe Ostrel family, heirs of the founder of Corvan Foods, sold 4.5% of the company overnight, cutting the family's holding to 26.1%.",
        expected: [{ kind: "stake", company: "Ostrel family", counterparty: "Corvan Foods", low: 26.1 }],
      },
    ],
    build: familyStake,
  },
  {
    // A state named by a nationality is a mention already ("the Dutch state"); "the Treasury" alone is not.
    name: "stake.state-holds",
    kind: "stake",
    pattern:
      "holder:{STATE_HOLDER} ...6 {OWN_OR_HAVE} most|part|some|all|half? of? its|their? {FIGURE_LEAD}? figure:{PERCENT} {STAKE_NOUN}? of|in ...3 held:{COMPANY}",
    examples: [
      {
        input: "Sell-off\n\nThe Treasury has sold 6 per cent of Corvan Rail to investors.",
        expected: [{ kind: "stake", company: "Treasury", counterparty: "Corvan Rail", low: 6 }],
      },
    ],
    build: stateStake,
  },
];
