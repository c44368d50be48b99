import type { Match } from "./pattern";
import type { Rule, RuleSentence } from "./rule";

/** A name the article is not about: "sales of" it are a product's. */
const notTheCompany = (m: Match, s: RuleSentence) => {
  const product = m.captures.product?.[0];
  const name = product?.type === "mention" ? product.mention.company : null;
  return name !== null && name !== s.roles.main && name !== s.roles.topic?.company && name !== s.roles.recurringTopic;
};

/** "Chairman Tom Keane told analysts that Corvan expects": analysts told, not estimating. */
const notToldTo = (m: Match, s: RuleSentence) =>
  !/^(?:told|tell|tells|to|briefed|with)$/.test(s.tokens[m.from - 1]?.lower ?? "");

/** "... what analysts had been expecting, and reaffirmed its forecast of $53bn": a new clause is the company's. */
const oneClause = (m: Match, s: RuleSentence) =>
  !/,\s+(?:and|but|while|although|whereas)\b/.test(s.text.slice(s.tokens[m.from].start, s.tokens[m.to - 1].start));

/**
 * Figures that are someone else's or not yet anyone's: the market's estimates ("Wall Street had expected about
 * 131,000 deliveries"), a product's sales, a backlog of revenue still to come. Claimed for no fact; each example
 * must give only the company's own figures.
 */
export const OTHERS_FIGURES_RULES: Rule[] = [
  {
    name: "not-revenue.product-sales",
    kind: null,
    // "Sales of Velpra, its migraine drug, reached $2.3 billion": a product's takings, named as the company is not
    // ("sales of" a company is said "sales at" or "its sales").
    pattern: "sales of product:{COMPANY} ...10 figure:{MONEY}",
    when: notTheCompany,
    examples: [
      {
        input:
          "Drugmaker results\n\nCorvan Pharma said revenue rose 14% to $5.1 billion. Sales of Zyravel, its weight-loss injection, nearly tripled to $1.6 billion.",
        expected: [
          { kind: "revenue", company: "Corvan Pharma", low: 5100000000 },
          { kind: "revenue_change", company: "Corvan Pharma", low: 14 },
        ],
      },
    ],
  },
  {
    name: "not-revenue-change.product-sales",
    kind: null,
    // "Sales of Zenavo, which lost its patent in February, fell 35%": a product's change, as its takings are.
    pattern: "sales of product:{COMPANY} ...10 figure:{PERCENT}",
    when: notTheCompany,
    examples: [
      {
        input:
          "Drugmaker results\n\nCorvan Pharma said sales rose 4% to £4.1bn in 2004. Sales of Zenavo, which lost its US patent in February, fell 35%.",
        expected: [
          { kind: "revenue", company: "Corvan Pharma", low: 4100000000 },
          { kind: "revenue_change", company: "Corvan Pharma", low: 4 },
        ],
      },
    ],
  },
  {
    name: "not-revenue.backlog",
    kind: null,
    // "Remaining performance obligations, contracted revenue not yet recognised, rose to $48 billion": revenue to
    // come, not revenue of a period.
    pattern: "backlog|obligations ...12 figure:{MONEY}",
    when: (m, s) => !s.tokens.slice(m.from, m.to).some((t) => /^(?:;|while|but|whereas)$/.test(t.lower)),
    examples: [
      {
        input:
          "Software\n\nCorvan Cloud said revenue rose 19% to $2.87 billion. The company's backlog of contracted revenue not yet recognized rose to $31 billion.",
        expected: [
          { kind: "revenue", company: "Corvan Cloud", low: 2870000000 },
          { kind: "revenue_change", company: "Corvan Cloud", low: 19 },
        ],
      },
    ],
  },
  {
    name: "not-volume.superseded-forecast",
    kind: null,
    // "raised its forecast for console sales this year to 21 million, from 19 million": the forecast it replaced.
    pattern:
      "raised|cut|lowered|trimmed|lifted|revised its|their forecast|target|outlook|guidance ...12 to ...3 ,? from {FIGURE_LEAD}? figure:{COUNT}",
    examples: [
      {
        input:
          "Consoles\n\nCorvan Games sold 8.7 million consoles in the quarter. Corvan raised its forecast for console sales in the fiscal year ending in March to 21 million consoles, from 19 million.",
        expected: [
          { kind: "sales_volume", company: "Corvan", low: 8700000, status: "actual" },
          { kind: "sales_volume", company: "Corvan", low: 21000000, status: "forecast" },
        ],
      },
    ],
  },
  {
    name: "not-volume.analysts-expect",
    kind: null,
    // "Analysts expect the firm to sell about 480,000 vehicles in 2005": the market's estimate of the units.
    pattern:
      "{ESTIMATE} ...6 expected|expect|expects|expecting|estimate|estimated|estimates|forecast|predict|predicted ...8 sell|ship|deliver ...2 figure:{COUNT}",
    when: notToldTo,
    examples: [
      {
        input:
          "Carmaker outlook\n\nCorvan Auto sold 452,300 cars in 2004. Analysts expect the firm to sell about 480,000 vehicles in 2005.",
        expected: [{ kind: "sales_volume", company: "Corvan Auto", low: 452300 }],
      },
    ],
  },
  {
    name: "not-volume.analysts-expected-count",
    kind: null,
    // "Wall Street had expected about 131,000 deliveries": the market's number, said beside the company's.
    pattern: "{ESTIMATE} ...4 expected|expect|estimated|forecast|predicted|anticipated {FIGURE_LEAD}? figure:{COUNT}",
    examples: [
      {
        input:
          "Deliveries\n\nDate: 2 April 2026\n\nCorvan Motors delivered 118,400 vehicles in the first quarter. Wall Street had expected about 131,000 deliveries.",
        expected: [{ kind: "sales_volume", company: "Corvan Motors", low: 118400 }],
      },
    ],
  },
  {
    name: "not-volume.count-analysts-had-expected",
    kind: null,
    // "ahead of the roughly 139,000 deliveries analysts had pencilled in": the estimate named after its figure.
    pattern:
      "figure:{COUNT} ...2 {ESTIMATE} ...3 expected|forecast|predicted|estimated|pencilled|penciled|anticipated|projected",
    examples: [
      {
        input:
          "Deliveries\n\nDate: 2 April 2026\n\nCorvan Motors delivered 170,200 vehicles in the first quarter, ahead of the roughly 139,000 deliveries Wall Street analysts had pencilled in.",
        expected: [{ kind: "sales_volume", company: "Corvan Motors", low: 170200 }],
      },
    ],
  },
  {
    name: "not-volume.expected-by-analysts",
    kind: null,
    // "Ostrel is expected by analysts to have delivered around 140 jets".
    pattern: "expected|forecast|estimated by {ESTIMATE} to have? sold|shipped|delivered {FIGURE_LEAD}? figure:{COUNT}",
    examples: [
      {
        input:
          "Jets\n\nDate: 2 April 2026\n\nCorvan Aero delivered 131 jets in the first quarter. Ostrel Aviation, which reports on Thursday, is expected by analysts to have delivered around 140 jets.",
        expected: [{ kind: "sales_volume", company: "Corvan Aero", low: 131 }],
      },
    ],
  },
  {
    name: "not-revenue.analysts-expect",
    kind: null,
    // "Analysts had expected second-quarter revenue of $1.39 billion": the market's estimate, not the company's.
    pattern:
      "{ESTIMATE} ...6 expected|expect|expects|expecting|forecast|forecasting|estimate|estimated|predicted|predict|looking|look|looked ...12 figure:{MONEY}",
    // "The chairman told analysts the firm expects revenue of $2bn": the company's forecast, told to analysts.
    when: (m, s) => notToldTo(m, s) && oneClause(m, s),
    examples: [
      {
        input:
          "Results\n\nCorvan Labs said second-quarter revenue rose 18% to $1.42 billion. Analysts had expected second-quarter revenue of $1.39 billion.",
        expected: [
          { kind: "revenue", company: "Corvan Labs", low: 1420000000 },
          { kind: "revenue_change", company: "Corvan Labs", low: 18 },
        ],
      },
    ],
  },
  {
    name: "not-revenue-change.analysts-expect",
    kind: null,
    // "Analysts expect the company's revenue to fall about 4% this year": the market's estimate of the change.
    pattern:
      "{ESTIMATE} ...6 expected|expect|expects|expecting|forecast|forecasting|estimate|estimated|predicted|predict|looking|look|looked ...8 {REVENUE_NOUN} ...6 figure:{PERCENT}",
    // "Executives told analysts they expect revenue to grow 14%": the company's forecast, told to analysts.
    when: (m, s) => notToldTo(m, s) && oneClause(m, s),
    examples: [
      {
        input:
          "Drugmaker\n\nDate: 4 February 2026\n\nCorvan Pharma said revenue rose 6% last year. Wall Street analysts expect the company's revenue to fall about 4% this year.",
        expected: [{ kind: "revenue_change", company: "Corvan Pharma", low: 6, year: 2025 }],
      },
    ],
  },
  {
    name: "not-revenue.analysts-expect-company-to-post",
    kind: null,
    // "Analysts expect Ostrel Air, which reports next week, to post revenue of about $15.2 billion, up roughly 5%":
    // the market's estimate of both the sum and its change, however long the aside about the company.
    pattern:
      "{ESTIMATE} expect|expects|expected|forecast|see ...20 to post|report|book|record|generate|deliver ...8 figure:{MONEY}",
    when: oneClause,
    examples: [
      {
        input:
          "Date: 14 July 2026\n\nAirlines\n\nAnalysts expect Ostrel Air, which reports second-quarter results next week, to post revenue of about $15.2 billion, up roughly 5% from a year earlier.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue-change.analysts-expect-company-to-post",
    kind: null,
    // (the change said after the sum the market expects)
    pattern:
      "{ESTIMATE} expect|expects|expected|forecast|see ...20 to post|report|book|record|generate|deliver ...8 {MONEY} ...4 figure:{PERCENT}",
    when: oneClause,
    examples: [
      {
        input:
          "Date: 14 July 2026\n\nAirlines\n\nAnalysts expect Ostrel Air to post revenue of $15.2 billion, up 5% from a year earlier.",
        expected: [],
      },
    ],
  },
  {
    name: "not-revenue.expected-by-analysts",
    kind: null,
    // "Ostrel, which reports next week, is expected by Wall Street to post revenue of $61 billion".
    pattern: "expected|forecast|estimated by {ESTIMATE} to post|report|have|book|record|deliver ...6 figure:{MONEY}",
    examples: [
      {
        input:
          "Date: 20 April 2026\n\nChips\n\nCorvan said revenue rose 8% to $12.4 billion in the quarter. Ostrel, which reports next week, is expected by Wall Street to post revenue of $61 billion for the quarter.",
        expected: [
          { kind: "revenue", company: "Corvan", low: 12400000000 },
          { kind: "revenue_change", company: "Corvan", low: 8 },
        ],
      },
    ],
  },
  {
    name: "not-revenue.estimate-of",
    kind: null,
    // "above Wall Street's estimate of $10.1 billion", "the consensus forecast of $4.2 billion".
    pattern:
      "{ESTIMATE} ...2 estimate|estimates|forecast|forecasts|expectations|expectation|view of|for? {FIGURE_LEAD}? figure:{MONEY}",
    examples: [
      {
        input:
          "Date: 20 April 2026\n\nChips\n\nFor the current quarter, Corvan forecast revenue of $10.2 billion to $10.8 billion, above the analysts' estimate of $10.1 billion.",
        expected: [{ kind: "revenue", company: "Corvan", low: 10200000000, high: 10800000000 }],
      },
    ],
  },
  {
    name: "not-revenue.expected-according-to-consensus",
    kind: null,
    // "The company is expected to report revenue of about $68 billion, according to the consensus of analysts".
    pattern: "expected to report|post|have|book ...8 figure:{MONEY} ...12 according to ...2 {ESTIMATE}",
    examples: [
      {
        input:
          "Date: 20 April 2026\n\nChips\n\nCorvan said revenue rose 8% to $12.4 billion. The company is expected to report revenue of about $68 billion for its fiscal first quarter, according to the consensus of analysts.",
        expected: [
          { kind: "revenue", company: "Corvan", low: 12400000000 },
          { kind: "revenue_change", company: "Corvan", low: 8 },
        ],
      },
    ],
  },
];
