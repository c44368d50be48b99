import type { Quantity } from "../recognise/quantities";
import { reportedPeriod } from "./context";
import type { FactRoles, Rule, RuleSentence } from "./rule";

/** The period and company the row belongs to, from the section heading or the headline. */
function rowOwner(s: RuleSentence) {
  const { table, reference } = s.ctx;
  const heading = table.section ?? table.headline;
  if (!table.company || !heading) return null;
  const when = reportedPeriod(heading, table.headline, reference);
  // A note that dates the periods outright wins over a year worked out from the article's date.
  const year = heading.year ?? table.noteYear ?? when?.year ?? null;
  return when ? { company: table.company, ...when, year } : null;
}

const MONTHS_COVERED: Partial<Record<string, number>> = { Q1: 3, H1: 6, "9M": 9 };

/** The year that ends the fiscal year a reported period belongs to: the next one after a full year. */
function yearAfter(s: RuleSentence, owner: NonNullable<ReturnType<typeof rowOwner>>): number | null {
  if (owner.year === null) return null;
  if (owner.period === "FY") return owner.year + 1;
  const heading = s.ctx.table.section ?? s.ctx.table.headline;
  const endMonth = heading?.endMonth ?? s.ctx.table.headline?.endMonth ?? null;
  const covered = MONTHS_COVERED[owner.period ?? ""];
  // Six months to September 30 end a year in March: the year after.
  return endMonth !== null && covered !== undefined && endMonth + 12 - covered > 12 ? owner.year + 1 : owner.year;
}

function rowFact(
  s: RuleSentence,
  q: Quantity,
  owner: NonNullable<ReturnType<typeof rowOwner>>,
  year: number | null,
): FactRoles {
  // A bare figure under "(In mln guilders)" is counted in that line's unit.
  const line = q.unit === null ? s.ctx.table.unitLine : null;
  const figure = line ? { ...q, low: q.low * line.scale, high: q.high * line.scale } : q;
  return {
    figure,
    company: owner.company,
    when: { year, period: owner.period, stated: false },
    unit: q.unit ?? line?.currency ?? s.ctx.table.currency(),
    status: "actual",
  };
}

/** Earnings tables: one row per line, the current figure and the prior year's ("Revs 12.3 mln vs 10.1 mln"). */
export const TABLE_RULES: Rule[] = [
  {
    name: "table.revenue-row",
    kind: "revenue",
    pattern: "^ {REVENUE_ROW} now:{AMOUNT} {VS} prior:{AMOUNT} $",
    examples: [
      {
        input:
          "Date: 2 March 1987\n\nNORVALE MOTORS INC <NVM> 4TH QTR NET\n\nShr 12 cts vs 10 cts\n\nNet 1,200,000 vs 900,000\n\nRevs 15.4 mln vs 12.1 mln",
        expected: [
          { kind: "revenue", company: "Norvale Motors", year: 1986, period: "Q4", low: 15400000, unit: "USD" },
          { kind: "revenue", company: "Norvale Motors", year: 1985, period: "Q4", low: 12100000, unit: "USD" },
        ],
      },
      {
        input:
          "Date: 9 April 1987\n\nQUINTERA STORES <QST> 4TH QTR JAN 31 NET\n\nSales 210.5 mln vs 190.2 mln\n\nYear\n\nSales 801.0 mln vs 700.4 mln",
        expected: [
          { kind: "revenue", company: "Quintera Stores", year: 1987, period: "Q4", low: 210500000 },
          { kind: "revenue", company: "Quintera Stores", year: 1986, period: "Q4", low: 190200000 },
          { kind: "revenue", company: "Quintera Stores", year: 1987, period: "FY", low: 801000000 },
          { kind: "revenue", company: "Quintera Stores", year: 1986, period: "FY", low: 700400000 },
        ],
      },
      {
        input:
          "Date: 5 November 1987\n\nHALDEN FOODS NV <HLDN.AS> NINE MTHS TO SEPT 30\n\n(In mln guilders unless stated)\n\nNet 84.2 vs 71.5\n\nSales 2,140 vs 1,980",
        expected: [
          { kind: "revenue", company: "Halden Foods", year: 1987, period: "9M", low: 2140000000, unit: "NLG" },
          { kind: "revenue", company: "Halden Foods", year: 1986, period: "9M", low: 1980000000, unit: "NLG" },
        ],
      },
    ],
    build: (m, s) => {
      const owner = rowOwner(s);
      const now = m.captures.now[0];
      const prior = m.captures.prior[0];
      if (!owner || now.type !== "quantity" || prior.type !== "quantity") return [];
      return [
        rowFact(s, now.quantity, owner, owner.year),
        rowFact(s, prior.quantity, owner, owner.year === null ? null : owner.year - 1),
      ];
    },
  },
  {
    name: "table.revenue-row-prior-not-given",
    kind: "revenue",
    pattern: "^ {REVENUE_ROW} now:{AMOUNT} {VS} {NOT_GIVEN} $",
    examples: [
      {
        input: "Date: 6 March 1987\n\nCORVAN INDUSTRIES INC <CVN> 4TH QTR LOSS\n\nRevs 33.1 mln vs not given",
        expected: [{ kind: "revenue", company: "Corvan Industries", year: 1986, period: "Q4", low: 33100000 }],
      },
    ],
    build: (m, s) => {
      const owner = rowOwner(s);
      const now = m.captures.now[0];
      return owner && now.type === "quantity" ? [rowFact(s, now.quantity, owner, owner.year)] : [];
    },
  },
  {
    name: "table.revenue-row-alone",
    kind: "revenue",
    pattern: "^ {REVENUE_ROW} now:{AMOUNT} $",
    examples: [
      {
        input:
          "Date: 20 October 1987\n\nBELLMARK CORP <BLM> 3RD QTR NET\n\nRevs 41.7 mln\n\nNine mths\n\nRevs 120.2 mln",
        expected: [
          { kind: "revenue", company: "Bellmark", year: 1987, period: "Q3", low: 41700000 },
          { kind: "revenue", company: "Bellmark", year: 1987, period: "9M", low: 120200000 },
        ],
      },
    ],
    build: (m, s) => {
      const owner = rowOwner(s);
      const now = m.captures.now[0];
      return owner && now.type === "quantity" ? [rowFact(s, now.quantity, owner, owner.year)] : [];
    },
  },
  {
    name: "table.note-forecast-sales",
    kind: "revenue",
    // A note under a Japanese-style table gives the company's own forecast for the year after the one reported
    // ("current year"), unless it names the year's end.
    pattern:
      "^ note|company ...12 forecast|forecasts ...16 parent|group|consolidated|unconsolidated? sales|revenues|revenue|turnover ...10 figure:{AMOUNT}",
    examples: [
      {
        input:
          "Date: 26 May 1987\n\nCORVAN ELECTRIC CO LTD <CRVN.T> YEAR TO MARCH 31\n\nNet 9.27 bln vs 12.13 bln\n\nSales 684.30 bln vs 702.15 bln\n\nNOTE - Company forecast for current year is net 10.5 bln, sales 710 bln.",
        expected: [
          {
            kind: "revenue",
            company: "Corvan Electric",
            year: 1988,
            period: "FY",
            low: 710000000000,
            status: "forecast",
          },
        ],
      },
      {
        input:
          "Date: 18 February 1987\n\nOSTREL PRECISION CO <OSTR.T> NINE MTHS TO DEC 31\n\nSales 150.2 billion vs 141.0 billion\n\nNOTE - Company forecast parent sales for the year ending March 31, 1987 of 201 billion yen.",
        expected: [
          {
            kind: "revenue",
            company: "Ostrel Precision",
            year: 1987,
            period: "FY",
            low: 201000000000,
            status: "forecast",
          },
        ],
      },
      {
        input:
          "Date: 19 November 1987\n\nHALDEN ELECTRIC CO LTD <HLDN.T> SIX MONTHS TO SEPT 30\n\nSales 601.2 bln vs 588.0 bln\n\nNOTE - Halden forecast full year group sales of 1,280 billion yen, against 1,207 billion in the year ended March 31, 1987.",
        expected: [
          {
            kind: "revenue",
            company: "Halden",
            year: 1988,
            period: "FY",
            low: 1280000000000,
            status: "forecast",
          },
        ],
      },
    ],
    build: (m, s) => {
      const owner = rowOwner(s);
      const figure = m.captures.figure[0];
      if (!owner || figure.type !== "quantity") return [];
      // "for the year to March 31, 1988", "year ending ...": the year the forecast is for ("ended" is a base).
      const stated = s.tokens.find(
        (t, i) =>
          t.type === "time" &&
          t.time.year !== null &&
          /\b(?:19|20)\d\d\b/.test(t.text) &&
          (/\b(?:to|ending)\b/.test(t.lower) || /^(?:to|ending)$/.test(s.tokens[i - 1]?.lower ?? "")),
      );
      const year = stated?.type === "time" ? stated.time.year : yearAfter(s, owner);
      const row = rowFact(s, figure.quantity, owner, year);
      return [{ ...row, when: { year, period: "FY", stated: Boolean(stated) }, status: "forecast" }];
    },
  },
];
