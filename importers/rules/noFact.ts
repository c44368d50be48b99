import type { Match } from "./pattern";
import type { Rule, RuleSentence } from "./rule";

/** No company, person, pronoun or description stands before the figure: the sentence is about no one firm. */
/** "5 per cent higher than a year earlier, although like-for-like sales rose 1.2": a contrasting clause speaks of another figure. */
const withinOneClause = (m: Match, s: RuleSentence) =>
  !s.tokens.slice(m.from, m.to).some((t) => /^(?:;|although|but|while|whereas|after)$/.test(t.lower));

const namesNoOne = (m: Match, s: RuleSentence) =>
  !s.tokens.slice(0, m.to).some((t) => t.type === "mention" || t.type === "person");

/**
 * Rules that claim a figure for no fact: they are more specific than the extractors' reading of the same words,
 * so the figure goes to nobody. Each example must give no fact at all.
 */
export const NO_FACT_RULES: Rule[] = [
  {
    name: "not-revenue.needed-to-generate",
    kind: null,
    // "it took eight employees to generate $1 million in revenue", "needs to bring in $2bn a year to break even":
    // what it takes, or would take, to make a sum is no period's takings.
    pattern: "to generate|produce|earn figure:{MONEY} in? {SALES_NOUN}",
    examples: [
      {
        input: "Banks\n\nAt Corvan Bank, it took eight employees to generate $1 million in revenues in the 1980s.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.same-store",
    kind: null,
    // "Like-for-like sales, which strip out the effect of new shops, rose 2.1%": room for an aside.
    // "Comparable sales, a key retail metric that strips out the effect of store openings and closings, fell 3.1%".
    pattern: "{SAME_STORE} {SALES_NOUN} ...24 {PERCENT}",
    when: withinOneClause,
    examples: [
      { input: "Halden Stores results\n\nHalden Stores said same-store sales rose 3.2% in the quarter.", expected: [] },
      {
        input: "Corvan trading\n\nCorvan's like-for-like sales fell 1.5% over Christmas, the retailer said.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.same-store-after",
    kind: null,
    pattern: "{PERCENT} ...3 {SALES_NOUN}? ...2 {SAME_STORE}",
    // "revenue to rise about 2% and organic revenue to grow 3%": a same-store figure of its own comes after "and".
    when: (m, s) =>
      withinOneClause(m, s) &&
      !s.tokens.slice(m.from, m.to).some((t) => /^(?:and|but|while|with|whereas|though|although)$/.test(t.lower)),
    examples: [
      {
        input: "Quintera update\n\nQuintera reported a 4% rise in comparable-store sales for the year.",
        expected: [],
      },
      {
        input:
          "Quintera update\n\nQuintera reported a 3% fall in like-for-like sales, while total sales were 5 per cent higher, although like-for-like sales at its cafes rose.",
        expected: [{ kind: "revenue_change", company: "Quintera", low: 5 }],
      },
    ],
  },
  {
    name: "not-revenue.industry",
    kind: null,
    pattern: "{BUSINESS_PLURAL} ...24 {PERCENT}",
    when: namesNoOne,
    examples: [
      {
        input:
          "Spending report\n\nHalden Analytics tracks spending. Furniture stores and florists saw the largest drops in sales, both declining by 0.9%.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.store-sales",
    kind: null,
    pattern: "store|stores sales ...8 {PERCENT}",
    examples: [
      {
        input:
          "Spending report\n\nHalden Analytics tracks spending. Department store sales, for example, were up 2.2% in March.",
        expected: [],
      },
    ],
  },
  {
    name: "not-stake.asset-interest",
    kind: null,
    // The stake rule's own pattern and the asset it is in: more specific than the stake, so it wins the figure.
    pattern: "{HOLDER_REF} ...8 {OWN_OR_HAVE} ...3 {PERCENT} {STAKE_NOUN} in ...5 {ASSET_NOUN}",
    // ("owns a 6% stake in Corvan, said the plant fire": the asset is in another clause.)
    when: (m, s) => {
      const tokens = s.tokens.slice(m.from, m.to);
      return !tokens.slice(tokens.findLastIndex((t) => t.lower === "in")).some((t) => t.text === ",");
    },
    examples: [
      {
        input: "Debt plan\n\nHalden Gas will take a 75 pct interest in Ostrel's principal oil and gas properties.",
        expected: [],
      },
      {
        input:
          "Power\n\nHalden Power agreed to sell its 45 pct interest in the Ostrel Creek generating station for 96 mln dlrs.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.moved-by-amount",
    kind: null,
    // "could cut sales by as much as $2bn a year", "sales rose by $40m": the amount of a change is no level of takings.
    pattern: "{MOVED_BY} {REVENUE_NOUN}? by {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Patent cliff\n\nCorvan Pharma said sales rose 4% to $8.1bn. Generic rivals could cut sales by as much as $1.5bn a year.",
        expected: [
          { kind: "revenue", company: "Corvan Pharma", low: 8100000000 },
          { kind: "revenue_change", company: "Corvan Pharma", low: 4 },
        ],
      },
    ],
  },
  {
    name: "not-stake.changed-from",
    kind: null,
    // "raised his stake to 18.5 per cent from 15 per cent": the old level is no stake of its own, nor is it when the
    // change is to come ("will cut its stake to 15% from 43%"): the level reached or aimed at is the fact.
    pattern:
      "{STAKE_CHANGE} {HOLDING_POSS} combined|joint|total? {STAKE_NOUN} ...8 to {FIGURE_LEAD}? {PERCENT} from {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Stake raised\n\nInvestor Tom Keane has raised his stake in Corvan Inns to 18.5 per cent from 15 per cent.",
        expected: [{ kind: "stake", company: "Tom Keane", counterparty: "Corvan Inns", low: 18.5 }],
      },
    ],
  },
  {
    name: "not-revenue.payout",
    kind: null,
    pattern: "{PAYOUT} ...5 figure:{MONEY}",
    examples: [
      {
        input:
          "Outlook\n\nHalden Brands forecast revenue growth of 4% and said it would buy back up to $500 million of stock.",
        expected: [{ kind: "revenue_change", company: "Halden Brands", low: 4 }],
      },
    ],
  },
  {
    name: "not-revenue.not-takings",
    kind: null,
    pattern: "{NOT_TAKINGS} ...5 figure:{MONEY}",
    examples: [
      {
        input:
          "Software\n\nCorvan Cloud said revenue rose 12% in 2025. Annual recurring revenue reached $8.9 billion, and its order backlog stood at $3.3 billion.",
        expected: [{ kind: "revenue_change", company: "Corvan Cloud", low: 12 }],
      },
    ],
  },
  {
    name: "not-revenue.estimate",
    kind: null,
    // "ahead of the $279 million analysts had expected": an estimate of the revenue, not the revenue.
    // "well below the £230m that analysts had pencilled in": the same, told in a relative clause.
    pattern: "figure:{MONEY} that|which? {ESTIMATE} ...3 expected|estimated|forecast|predicted|had|were",
    examples: [
      {
        input:
          "Results\n\nCorvan Labs said revenue in 2025 rose 18% to $287.5 million, ahead of the $279 million analysts had expected.",
        expected: [
          { kind: "revenue", company: "Corvan Labs", low: 287500000 },
          { kind: "revenue_change", company: "Corvan Labs", low: 18 },
        ],
      },
      {
        input:
          "Warning\n\nCorvan Toys said sales for the year to 31 March 2005 would be about £180m, well below the £230m that analysts had pencilled in.",
        expected: [{ kind: "revenue", company: "Corvan Toys", low: 180000000, status: "forecast" }],
      },
    ],
  },
  {
    name: "not-revenue.passenger-miles",
    kind: null,
    // "revenue passenger miles rose 9.2 pct": an airline's traffic, not its revenue.
    pattern: "revenue passenger|seat miles|kilometres|kilometers|km ...8 figure:{PERCENT}",
    examples: [
      {
        input:
          "AIRLINE TRAFFIC\n\nDate: 9 January 1987\n\nCorvan Airways said revenue passenger miles rose 9.2 pct in 1986, while its load factor slipped to 58.4 pct.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.superseded-forecast",
    kind: null,
    // "now expects $1.6bn, up from a prior range of $1.55bn to $1.6bn": the forecast it replaced.
    pattern: "prior|previous|earlier range|forecast|guidance|outlook|estimate of {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Outlook raised\n\nCorvan Avionics now expects fiscal 2025 revenue of $1.6 billion, up from a prior range of $1.55 billion to $1.58 billion.",
        expected: [{ kind: "revenue", company: "Corvan Avionics", low: 1600000000, year: 2025 }],
      },
    ],
  },
  {
    name: "not-revenue.superseded-range",
    kind: null,
    // "raised its forecast to $58 billion to $60 billion, from $55 billion to $57 billion previously": the range it
    // replaced, both ends.
    pattern: "from {FIGURE_LEAD}? figure:{MONEY} to|and {MONEY} previously|earlier|before",
    examples: [
      {
        input:
          "Outlook raised\n\nDate: 30 April 2026\n\nCorvan Cloud raised its forecast for 2026 revenue to between $58 billion and $60 billion, from $55 billion to $57 billion previously.",
        expected: [{ kind: "revenue", company: "Corvan Cloud", low: 58000000000, high: 60000000000, year: 2026 }],
      },
    ],
  },
  {
    name: "not-revenue.superseded-range-top",
    kind: null,
    pattern: "from {FIGURE_LEAD}? {MONEY} to|and figure:{MONEY} previously|earlier|before",
    examples: [
      {
        input:
          "Outlook cut\n\nDate: 30 July 2026\n\nCorvan Tools cut its forecast for 2026 revenue to $4.1 billion, from $4.3 billion to $4.4 billion earlier.",
        expected: [{ kind: "revenue", company: "Corvan Tools", low: 4100000000, year: 2026 }],
      },
    ],
  },
  {
    name: "not-revenue.plus-or-minus",
    kind: null,
    // "$16.2 billion for fiscal 2027, plus or minus $300 million": the margin of a forecast, no figure of its own.
    pattern: "plus or minus figure:{MONEY}",
    examples: [
      {
        input:
          "Outlook\n\nDate: 20 March 2026\n\nLooking ahead, Corvan Sports expects revenue of $16.2 billion for fiscal 2027, plus or minus $300 million, as new lines reach stores.",
        expected: [{ kind: "revenue", company: "Corvan Sports", low: 16200000000, year: 2027, period: "FY" }],
      },
    ],
  },
  {
    name: "not-revenue.macro",
    kind: null,
    pattern: "{MACRO_SALES} ...8 {PERCENT}",
    examples: [
      {
        input:
          "Shoppers spend less\n\nRetail sales rose 0.7% in March, the Commerce Department said, as Tamsin Auto shares slipped.",
        expected: [],
      },
    ],
  },
  {
    // "if a party acquires 20 pct or more": a threshold of a rights plan or a takeover rule, held by nobody yet.
    name: "not-stake.any-party",
    kind: null,
    pattern: "a|any|another|anyone|anybody|someone party|person|entity|bidder|acquirer|acquiror|buyer ...4 {PERCENT}",
    examples: [
      {
        input:
          "Rights plan\n\nCorvan Tool said the rights can be used if a party acquires 20 pct of its stock, the company said.",
        expected: [],
      },
      {
        input:
          "Takeover rules\n\nUnder the rules any person buying 30% of Halden Mining must bid for the rest, Halden said.",
        expected: [],
      },
    ],
  },
  {
    // "if a party were to acquire 40 pct or more", "would result in ownership of 30 pct or more": a threshold that
    // sets something off, held by nobody.
    name: "not-stake.threshold-or-more",
    kind: null,
    pattern: "if|once|when|would|should|whoever|anyone ...10 figure:{PERCENT} or more",
    examples: [
      {
        input:
          "Rights plan\n\nCorvan Tool said the rights would be exercisable if a party were to acquire 40 pct or more of its stock.",
        expected: [],
      },
    ],
  },
  {
    // The most a holder may own by law or by agreement, not what it owns.
    name: "not-stake.ceiling",
    kind: null,
    pattern: "cannot|not buy|own|hold|acquire|purchase ...4 more than {PERCENT} of",
    examples: [
      {
        input:
          "Stake filing\n\nOstrel Partners told regulators it holds 6.1 pct of Corvan Tool. Under federal law it cannot buy more than 15 pct of Corvan Tool until a waiting period ends.",
        expected: [{ kind: "stake", company: "Ostrel Partners", counterparty: "Corvan Tool", low: 6.1 }],
      },
    ],
  },
];
