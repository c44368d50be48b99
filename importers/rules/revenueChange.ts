import { clauseAround } from "../extract/clauses";
import { ASIDE, changeSign, measuresCompanyRevenue, metricOf, movedBySign, regionalFigure } from "../extract/metric";
import { statusAround } from "../extract/status";
import { PUBLIC_BODY, subjectOf } from "../extract/subject";
import { baseOf, whenOf } from "../extract/when";
import { CHANGE_WORDS } from "../lexicons/metrics";
import type { Quantity } from "../recognise/quantities";
import type { Match } from "./pattern";
import { segmentName } from "./revenueSegments";
import { type FactRoles, type Rule, type RuleSentence, withStatus } from "./rule";
import { quantityOf, type Token } from "./tokens";

// "sales rose 4.1% to 61,200": the level is a count, so the change is in units sold.
const TO_A_COUNT =
  /^\s*to\s+(?:about\s+|around\s+|nearly\s+)?[\d.,]+(?:\s*(?:million|mln|m|bn|bln|billion|thousand))?(?!\s*(?:%|per\s?cent|[$€£¥]|[A-Z]{3}\b|euros?|dollars?|dlrs|stg|pounds?|yen|yuan|kronor|francs|rupees))/i;

/**
 * Whose change, when, against what: the shared subject, time and base finders, from where the change's words
 * begin. A change in a region ("rose 10% in Asia") or to a count is not the company's revenue change.
 */
const FLAT_TO_BEFORE = /\bflat\s+to\s+(?:up|down)\s+(?:by\s+)?$/i;

export function changeRoles(s: RuleSentence, q: Quantity, sign: 1 | -1, anchor: number): FactRoles | null {
  if (regionalFigure(s.text, q.end)) return null;
  if (
    TO_A_COUNT.test(s.text.slice(q.end)) &&
    !s.roles.quantities.some((x) => x.kind === "money" && x.start >= q.end && x.start - q.end < 16)
  )
    return null;
  const clause = clauseAround(s.text, q.start);
  const company = subjectOf(s.roles, anchor, clause);
  if (!company || PUBLIC_BODY.test(company.company)) return null;
  let when = whenOf(s.roles, q, clause, "FY");
  // "to 4.6% from 9.1% in 2010": the rate after "from" is the base year's own.
  const ownBase = /\bfrom\s+$/i.test(s.text.slice(Math.max(0, q.start - 6), q.start))
    ? s.roles.times.find((t) => t.role === "base" && t.year !== null && t.start >= q.end && t.start - q.end < 15)
    : undefined;
  if (ownBase) when = { ...when, year: ownBase.year, stated: true };
  // "to be flat to up 2%", "flat to down 3%": a range that starts at no change.
  const fromFlat = FLAT_TO_BEFORE.test(s.text.slice(Math.max(0, q.start - 24), q.start));
  const [low, high] = sign < 0 ? [-q.high, fromFlat ? 0 : -q.low] : [fromFlat ? 0 : q.low, q.high];
  return {
    figure: q,
    company: company.company,
    when,
    low,
    high,
    unit: "percent",
    status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
    // "to 5.4% from 10.2% in 2003": the earlier rate is 2003's own change, against the year before it.
    comparedTo:
      ownBase && ownBase.year !== null
        ? { year: ownBase.year - 1, period: when.period }
        : baseOf(s.roles, when, clause),
    stated: company.how === "name" || company.how === "group" ? ["company"] : [],
    aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
  };
}

const signOf = (word: Token | undefined): 1 | -1 => (word && CHANGE_WORDS[word.lower] === -1 ? -1 : 1);

/** "a 5% rise in sales": the change and its metric after the figure. */
function changeThenMetric(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const metric = m.captures.metric?.[0];
  if (!q || !metric) return [];
  // "a 5% rise in car sales" counts cars; "in consolidated revenue" is the company's.
  if (!measuresCompanyRevenue(s.text, { word: metric.lower, cls: "revenue", start: metric.start, end: metric.end }))
    return [];
  const roles = changeRoles(s, q, signOf(m.captures.change?.[0]), q.start);
  return roles ? [roles] : [];
}

/** "a fall in underlying sales to 4.6%": the rate of a change named before its figure. */
function rateBefore(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  if (!q) return [];
  const roles = changeRoles(s, q, signOf(m.captures.change?.[0]), q.start);
  return roles ? [roles] : [];
}

/** "sales rose 5%", "revenue was down 3%": the nearest metric before the figure is revenue, the sign from its verb. */
function metricThenChange(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  if (!q || q.fraction) return [];
  const clause = clauseAround(s.text, q.start);
  const metric = metricOf(s.text, q, clause);
  if (!metric || !measuresCompanyRevenue(s.text, metric, clause.start) || metric.start > q.start) return [];
  // Another percentage between the metric and this one belongs to the metric ("sales rose 5% and profit 8%").
  // ("revenue, helped by price increases that averaged 6%, rose 5.5%": an aside's words and figures are its own.)
  const between = s.text.slice(metric.end, q.start).replace(ASIDE, ",");
  if (/\b(?:profit|earnings|income|margin|shares?|prices?|stake|market)\b/i.test(between)) return [];
  if (/%|per cent|percent/.test(between) && !/\bto\b/.test(between)) return [];
  // In an article that counts cars or phones sold, "sales rose 9%" with no money beside it counts them too.
  const moneyInClause = s.roles.quantities.some(
    (x) => x.kind === "money" && x.start >= clause.start && x.end <= clause.end,
  );
  if (s.ctx.volumeUnit && metric.word === "sales" && !moneyInClause) return [];
  const sign = changeSign(s.text, metric.end, q) ?? movedBySign(s.text, metric, q);
  if (sign === null) return [];
  const roles = changeRoles(s, q, sign, metric.start);
  return roles ? [roles] : [];
}

/** "Sales in its beauty segment climbed 7%": a segment's change, filed under the company with the segment named. */
function segmentChange(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  const noun = m.captures.segment?.[0];
  if (!q || !noun) return [];
  // "sales at its drinks division, where revenues dipped 4%": a part of a part the sentence is about, left out as
  // the company-level rules leave it.
  if (/\b(?:where|whose)\b/i.test(s.text.slice(noun.end, q.start))) return [];
  const roles = changeRoles(s, q, signOf(m.captures.change?.[0]), s.tokens[m.from].start);
  const segment = segmentName(s, s.tokens.indexOf(noun));
  return roles && segment ? [{ ...roles, segment }] : [];
}

const OPENS_WITH_ASIDE = new RegExp(`^${ASIDE.source}`, "i");

/** Percentage changes of a company's revenue, sales or turnover. */
export const REVENUE_CHANGE_RULES: Rule[] = [
  {
    name: "revenue-change.segment-moved",
    kind: "revenue_change",
    pattern:
      "{SALES_NOUN} of|at|in its|the ...3 segment:{SEGMENT_NOUN} ...12 change:{CHANGE_WORD} by? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Soap\n\nCorvan Brands said net sales rose 1.5% to $20.4 billion in 2025. Sales in its beauty segment climbed 7% to $3.1 billion.",
        expected: [{ kind: "revenue_change", company: "Corvan Brands", low: 7, year: 2025, segment: "beauty" }],
      },
    ],
    build: segmentChange,
  },
  {
    name: "revenue-change.pct-change-in-revenue",
    kind: "revenue_change",
    pattern: "figure:{PERCENT} year-on-year|year-over-year|annual? change:{CHANGE_NOUN} in ...3 metric:{SALES_NOUN}",
    // "a 3% fall in like-for-like sales": a same-store change, which is no revenue change.
    when: (m, s) =>
      !quantityOf(m.captures.figure?.[0])?.fraction &&
      !/profit|earning|income|like-for-like|same-store|comparable|underlying/i.test(textBetween(m, s)),
    examples: [
      {
        input: "Retailer results\n\nHalden Stores reported a 5% rise in sales for 2009.",
        expected: [{ kind: "revenue_change", company: "Halden Stores", low: 5, year: 2009, period: "FY" }],
      },
    ],
    build: changeThenMetric,
  },
  {
    name: "revenue-change.change-in-revenue-to-rate",
    kind: "revenue_change",
    pattern: "change:{CHANGE_NOUN} in ...3 {SALES_NOUN} to|of|from|at {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => !quantityOf(m.captures.figure?.[0])?.fraction,
    examples: [
      {
        input: "Food group results\n\nCorvan Foods reported a rise in underlying sales of 4.6% in 2010.",
        expected: [{ kind: "revenue_change", company: "Corvan Foods", low: 4.6, year: 2010 }],
      },
    ],
    build: rateBefore,
  },
  {
    name: "revenue-change.change-in-revenue-from-rate",
    kind: "revenue_change",
    // "a decline in underlying revenues to 5.4% from 10.2% in 2003": the rate it slowed from is a change too.
    pattern: "change:{CHANGE_NOUN} in ...3 {SALES_NOUN} to|of {PERCENT} from|to {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => !quantityOf(m.captures.figure?.[0])?.fraction,
    examples: [
      {
        input: "Results\n\nCorvan News slowed a decline in underlying revenues to 5.4% from 10.2% in 2003.",
        expected: [{ kind: "revenue_change", company: "Corvan News", low: -10.2, year: 2003 }],
      },
    ],
    build: rateBefore,
  },
  {
    name: "revenue-change.revenue-aside-moved",
    kind: "revenue_change",
    // "Revenue, helped by price increases that averaged 6%, rose 5.5%": the aside's own figure is skipped with it.
    pattern: "{REVENUE_NOUN} , ...14 , {CHANGE_WORD} by? {FIGURE_LEAD}? figure:{PERCENT}",
    // Only an aside that says why ("helped by", "hit by"), not one that says what the sales are ("which strip out").
    when: (m, s) => OPENS_WITH_ASIDE.test(s.text.slice(s.tokens[m.from].end)),
    examples: [
      {
        input:
          "Results\n\nCorvan Foods said revenue, helped by price increases that averaged 6%, rose 5.5% in 2025 to $31.7 billion.",
        expected: [{ kind: "revenue_change", company: "Corvan Foods", low: 5.5, year: 2025, period: "FY" }],
      },
    ],
    build: metricThenChange,
  },
  {
    name: "revenue-change.after-a-change",
    kind: "revenue_change",
    // "expects turnover to rise about 5% this year after a 4.6% increase in 2025": the change that came before.
    pattern:
      "{REVENUE_NOUN} ...16 after a|an? figure:{PERCENT} change:increase|rise|gain|growth|fall|decline|drop|decrease|jump|slide",
    examples: [
      {
        input:
          "Outlook\n\nCorvan Chemie said it expects group turnover to rise by about five pct this year after a 4.6 pct increase in 1986 to 9.84 billion marks.",
        expected: [{ kind: "revenue_change", company: "Corvan Chemie", low: 4.6, year: 1986, period: "FY" }],
      },
      {
        input:
          "Outlook\n\nCorvan Chemie said it expects group turnover to rise by about five pct this year after a 2.1 pct fall in 1986 to 6.84 billion marks.",
        expected: [{ kind: "revenue_change", company: "Corvan Chemie", low: -2.1, year: 1986, period: "FY" }],
      },
    ],
    // The noun after the figure says which way it went, whatever the sentence's verb says of this year.
    build: (m, s) =>
      withStatus(metricThenChange, "actual")(m, s).map((r) =>
        signOf(m.captures.change?.[0]) < 0 && r.low !== undefined && r.high !== undefined && r.low > 0
          ? { ...r, low: -r.high, high: -r.low }
          : r,
      ),
  },
  {
    name: "revenue-change.after-changing",
    kind: "revenue_change",
    pattern:
      "{REVENUE_NOUN} ...16 after rising|falling|growing|increasing|declining|dropping|gaining|climbing|slipping by? {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Outlook\n\nCorvan Landtechnik said it expected group turnover to rise by about five pct this year after falling 2.3 pct to 3.41 billion marks in 1986.",
        expected: [{ kind: "revenue_change", company: "Corvan Landtechnik", low: -2.3, year: 1986, period: "FY" }],
      },
    ],
    build: withStatus(metricThenChange, "actual"),
  },
  {
    name: "revenue-change.revenue-moved",
    kind: "revenue_change",
    pattern: "{REVENUE_NOUN} ...24 figure:{PERCENT}",
    examples: [
      {
        input: "Carmaker results\n\nTamsin Auto said revenue fell 18% in 2009.",
        expected: [{ kind: "revenue_change", company: "Tamsin Auto", low: -18, year: 2009, period: "FY" }],
      },
      {
        input: "Handbags\n\nCastorini said demand in Asia helped lift turnover by 7% in 2008.",
        expected: [{ kind: "revenue_change", company: "Castorini", low: 7, year: 2008, period: "FY" }],
      },
    ],
    build: metricThenChange,
  },
];

/** The words between a figure and the end of its match ("a 5% rise in pre-tax profits" is no revenue change). */
function textBetween(m: Match, s: RuleSentence): string {
  return s.text.slice(s.tokens[m.from].end, s.tokens[m.to - 1].start);
}
