/** Whose revenue, when, in what status: the roles the revenue rules fill, by the finders every kind shares. */
import { clauseAround } from "../extract/clauses";
import { type MetricHit, measuresCompanyRevenue, metricOf } from "../extract/metric";
import { statusAround } from "../extract/status";
import { PUBLIC_BODY, subjectOf } from "../extract/subject";
import { whenOf } from "../extract/when";
import { endAnchored } from "../lexicons/regex";
import type { Quantity } from "../recognise/quantities";
import type { Match } from "./pattern";
import type { FactRoles, RuleSentence } from "./rule";
import { quantityOf, type Token } from "./tokens";

/** A figure reached by "rose by $2bn" is a change, not a level. */
const ABSOLUTE_CHANGE_BEFORE =
  /\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|less than\s+|at least\s+|at most\s+|up to\s+|over\s+|under\s+|roughly\s+|approximately\s+|an estimated\s+)?$/i;
const LEVEL_OF_BEFORE = /\bsales\s+of\s+$|revenues?\s+of\s+$|turnover\s+of\s+$/i;
/** "a rise of $2bn", "a shortfall of £1bn": the size of a move, not a level. */
const CHANGE_NOUN_BEFORE =
  /\b(?:rise|increase|fall|drop|decline|jump|gain|boost|growth|shortfall|loss|cut)\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?$/i;
/** "£2bn below estimates", "$1bn short of forecasts": a gap, not a level. */
const GAP_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:below|above|off|short\s+of|ahead\s+of|more\s+than|less\s+than|higher\s+than|lower\s+than|over\s+(?:target|forecasts?|estimates?|budget))\b/i;
// "turnover of about 11.5 billion marks, after 10.8 billion in 1986": "after" names the base as "from" does.
const FROM_BEFORE =
  // ("20 pct above last year's 31 mln", "2% below the £1.5bn it took": bases; "below the £980m it had indicated", no
  // change said, is an earlier forecast.)
  /(?:\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?|after)\s+(?:the\s+)?|\b(?:above|below)\s+|(?:%|\bpct|\bper\s?cent)\s+(?:above|below)\s+the\s+)(?:about\s+|around\s+|some\s+)?$/i;
const POSSESSIVE_TIME_GAP = /['’]s\s+(?:about\s+|around\s+|some\s+)?$/;
/** What may stand between two revenue figures said together ("$3.1bn in 2004 and $2.8bn in 2003"). */
// "turnover 2.40 billion stg vs 2.11 billion, making 7.01 billion for nine months": a running total goes on.
const OTHERS_FIGURE_BEFORE = endAnchored(
  /\b(?:expectations?|forecasts?|estimates?|consensus|hopes)\s+(?:of|for)\s+(?:about\s+|around\s+|some\s+)?$/i,
);
const PRICE_BEFORE = endAnchored(/\b(?:for|at\s+a\s+price\s+of|valued\s+at)\s+(?:about\s+|around\s+|some\s+)?$/i);
const DEAL_VERB = /\b(?:sold|sell|sells|selling|bought|buy|buys|buying|acquired|acquire|acquires|acquiring)\b/i;
const FORECAST_REVISED =
  /\b(?:lowered|raised|cut|trimmed|lifted|revised|reduced|increased)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}(?:forecasts?|estimates?|targets?|guidance|outlook)\b/i;
const LISTED_BETWEEN =
  /^\s*(?:(?:for|in)\s+[\w\s]{0,30}?)?(?:,|and|,\s*and|while|compared\s+with|against|versus|,\s*making)\s+(?:(?:a|an)\s+)?$/i;

/** The metric word a rule matched, as the metric finder reports one. */
function hitOf(s: RuleSentence, tokens: Token[] | undefined): MetricHit | null {
  if (!tokens?.length) return null;
  const start = tokens[0].start;
  const end = tokens.at(-1)!.end;
  return { word: s.text.slice(start, end).toLowerCase(), cls: "revenue", start, end };
}

/** The metric word the shared finder gives the figure is the one the rule matched. */
export function metricIsFigures(m: Match, s: RuleSentence): boolean {
  const q = quantityOf(m.captures.figure?.[0]);
  const hit = hitOf(s, m.captures.metric);
  if (!q || !hit) return false;
  return metricOf(s.text, q, clauseAround(s.text, q.start))?.start === hit.start;
}

/** A money figure the text gives as a level of the company's revenue: none of a move, a gap or a region. */
function isLevel(s: RuleSentence, q: Quantity, metric: MetricHit | null, clauseStart: number): boolean {
  if (metric && !measuresCompanyRevenue(s.text, metric, clauseStart)) return false;
  const before = s.text.slice(Math.max(0, q.start - 30), q.start);
  if (ABSOLUTE_CHANGE_BEFORE.test(before) && !LEVEL_OF_BEFORE.test(before)) return false;
  if (CHANGE_NOUN_BEFORE.test(before)) return false;
  return !GAP_AFTER.test(s.text.slice(q.end, q.end + 30));
}

/** The base year written right after a figure that follows "from": "from £2.1bn in 2010" is 2010's. */
function ownBaseOf(s: RuleSentence, q: Quantity) {
  const before = s.text.slice(Math.max(0, q.start - 30), q.start);
  // "to rise 15 pct from last year's 684 mln dlrs": the base's own time, written with "'s" before it.
  const owning = s.roles.times.find(
    (t) =>
      t.end <= q.start &&
      t.start >= q.start - 40 &&
      POSSESSIVE_TIME_GAP.test(s.text.slice(t.start, q.start)) &&
      FROM_BEFORE.test(s.text.slice(Math.max(0, t.start - 30), t.start)),
  );
  if (owning) return { fromFigure: true, base: owning, ownBase: owning, owning: true };
  if (!FROM_BEFORE.test(before)) return { fromFigure: false, base: undefined, ownBase: undefined, owning: false };
  const base = s.roles.times.find((t) => t.role === "base" && t.start >= q.end - 2);
  return { fromFigure: true, base, ownBase: base && base.start - q.end < 30 ? base : undefined, owning: false };
}

/** A revenue level: whose, from where its metric word begins; when, from the time finder or its own base year. */
function levelRoles(s: RuleSentence, q: Quantity, metric: MetricHit | null): FactRoles | null {
  const clause = clauseAround(s.text, q.start);
  if (!isLevel(s, q, metric, clause.start)) return null;
  const anchor = metric && metric.start < q.start ? metric.start : q.start;
  const company = subjectOf(s.roles, anchor, clause);
  if (!company || PUBLIC_BODY.test(company.company) || q.unit === null) return null;
  const when = whenOf(s.roles, q, clause, "FY");
  const { ownBase, owning } = ownBaseOf(s, q);
  // ("last year's" is counted from the article's year when the figure's own is not said.)
  const reference = when.year ?? (owning ? s.ctx.publishedYear : null);
  const relative = ownBase?.relative != null && reference !== null ? reference + ownBase.relative : null;
  const said = ownBase && (ownBase.year !== null || relative !== null) ? (ownBase.year ?? relative) : when.year;
  const status = ownBase ? "actual" : statusAround(s.text, clause, q, said, s.ctx.publishedYear);
  // "revenues should rise to 22 mln dlrs", in a dated article that names no time at all: this year's.
  const thisYear =
    said === null &&
    when.period === null &&
    status !== "actual" &&
    !s.roles.times.length &&
    s.ctx.reference?.month != null;
  const year = thisYear ? s.ctx.publishedYear : said;
  const period = thisYear || (owning && when.period === null) ? (ownBase?.period ?? "FY") : when.period;
  return {
    figure: q,
    company: company.company,
    when: { ...when, year, period },
    unit: q.unit,
    // "expects revenue to rise from the $1.84bn reported for 1986": the base was reported; it is no forecast.
    status,
    stated: company.how === "name" || company.how === "group" ? ["company"] : [],
    aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
  };
}

/** "Sales were $3.1bn", "$5bn in annual sales": a figure and the metric word the finder gives it. */
export function revenueLevel(m: Match, s: RuleSentence): FactRoles[] {
  const q = quantityOf(m.captures.figure?.[0]);
  if (!q) return [];
  const roles = levelRoles(s, q, hitOf(s, m.captures.metric));
  return roles ? [roles] : [];
}

/**
 * "rose to $3.1bn from $2.8bn", "$3.1bn in 2004 and $2.8bn in 2003": a figure said after a revenue level is the
 * same company's, of the same period a year before when it is a base, else of the time said beside it.
 */
/** "..., bringing the total for the nine months to 13.1bn euros": the same metric over a longer period of its own. */
export function totalRevenue(m: Match, s: RuleSentence): FactRoles[] {
  const firstQ = quantityOf(m.captures.first?.[0]);
  const q = quantityOf(m.captures.figure?.[0]);
  if (!firstQ || !q || q.unit === null) return [];
  const first = levelRoles(s, firstQ, metricOf(s.text, firstQ, clauseAround(s.text, firstQ.start)));
  if (!first) return [];
  const clause = clauseAround(s.text, q.start);
  // "and that it had reduced debt by 60 mln dlrs to 275 mln": a metric word of its own makes it another's figure.
  const own = metricOf(s.text, q, clause);
  if (own && own.start > firstQ.end) return [];
  const when = whenOf(s.roles, q, clause, "FY");
  return [
    {
      ...first,
      figure: q,
      when,
      unit: q.unit,
      status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
      stated: [],
    },
  ];
}

export function followingRevenue(m: Match, s: RuleSentence): FactRoles[] {
  const firstQ = quantityOf(m.captures.first?.[0]);
  const q = quantityOf(m.captures.figure?.[0]);
  if (!firstQ || !q || q.unit === null) return [];
  const firstMetric = metricOf(s.text, firstQ, clauseAround(s.text, firstQ.start));
  const first = firstMetric && levelRoles(s, firstQ, firstMetric);
  if (!first) return [];
  // "sales of $3bn and profit of $1bn": a metric word of its own after the first figure makes it another's.
  const own = metricOf(s.text, q, clauseAround(s.text, q.start));
  if (own && own.start > firstQ.start) return [];
  const between = s.text.slice(firstQ.end, q.start).replace(/(?:for|in)\s+(?:19|20)\d\d/gi, "");
  const before = s.text.slice(Math.max(0, q.start - 40), q.start);
  // "ahead of City expectations of £305m", "sold the unit to its managers for £95m": others' figure, or a price.
  if (OTHERS_FIGURE_BEFORE.test(before)) return [];
  if (PRICE_BEFORE.test(before) && DEAL_VERB.test(s.text.slice(0, q.start))) return [];
  const { fromFigure, base, ownBase } = ownBaseOf(s, q);
  // "lowered its forecast for sales to 520bn yen from 560bn yen": the forecast it replaced, not a year's takings
  // (unless the base names a year of its own: "up from $842m in fiscal 2024").
  const dated = ownBase && (ownBase.year !== null || ownBase.relative != null);
  if (fromFigure && !dated && FORECAST_REVISED.test(s.text.slice(0, firstQ.start))) return [];
  // "slipped from £3.2bn in 2003 to £2.9bn in 2004": neither a base nor a list, but a level of the same metric.
  if (!fromFigure && !LISTED_BETWEEN.test(between)) {
    const level = own && levelRoles(s, q, own);
    return level ? [level] : [];
  }
  const clause = clauseAround(s.text, q.start);
  if (!isLevel(s, q, null, clause.start)) return [];
  const when = whenOf(s.roles, q, clause, "FY");
  const reference = first.when.year ?? when.year;
  const relative = ownBase?.relative != null && reference !== null ? reference + ownBase.relative : null;
  let year = when.year;
  if (ownBase && (ownBase.year !== null || relative !== null)) year = ownBase.year ?? relative;
  else if (fromFigure) {
    // A year written after the base is its own ("from $2.8bn in 2003"); one before it ("to $3.1bn in 2004 from")
    // is the compared figure's.
    const dated = s.roles.times.some(
      (t) => t.role !== "base" && t.start >= q.end && t.start <= q.end + 30 && /\d{4}/.test(t.text),
    );
    year = when.stated && dated ? when.year : (base?.year ?? (first.when.year !== null ? first.when.year - 1 : null));
  }
  return [
    {
      ...first,
      figure: q,
      when: { ...when, year, period: fromFigure ? first.when.period : when.period },
      unit: q.unit,
      // "expects sales to rise to $22m from $12.5m": the base a forecast starts from was reported.
      status: ownBase || fromFigure ? "actual" : statusAround(s.text, clause, q, year, s.ctx.publishedYear),
      stated: [],
    },
  ];
}
