import type { Fact } from "../types";
import { clauseAround } from "./clauses";
import { buildFact, type Extractor } from "./context";
import { measuresCompanyRevenue, metricOf } from "./metric";
import { statusAround } from "./status";
import { PUBLIC_BODY, subjectOf } from "./subject";
import { whenOf } from "./when";

/** A figure reached by "rose by $2bn" is a change, not a level. */
const ABSOLUTE_CHANGE_BEFORE =
  /\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|less than\s+|at least\s+|at most\s+|up to\s+|over\s+|under\s+|roughly\s+|approximately\s+|an estimated\s+)?$/i;
const CHANGE_NOUN_BEFORE =
  /\b(?:rise|increase|fall|drop|decline|jump|gain|boost|growth|shortfall|loss|cut)\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?$/i;
const GAP_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:below|above|off|short\s+of|ahead\s+of|more\s+than|less\s+than|higher\s+than|lower\s+than|over\s+(?:target|forecasts?|estimates?|budget))\b/i;
const FROM_BEFORE = /\b(?:from|compared\s+(?:with|to)|against|versus)\s+(?:the\s+)?(?:about\s+|around\s+|some\s+)?$/i;

export const extractRevenue: Extractor = (s) => {
  const facts: Fact[] = [];
  const money = s.quantities.filter((q) => q.kind === "money");
  let previous: { end: number; fact: Fact } | null = null;
  for (const q of money) {
    const clause = clauseAround(s.text, q.start);
    const metric = metricOf(s.text, q, clause);
    const listed =
      previous &&
      /^\s*(?:(?:for|in)\s+[\w\s]{0,30}?)?(?:,|and|,\s*and|while|compared\s+with|against|versus)\s+(?:(?:a|an)\s+)?$/i.test(
        s.text.slice(previous.end, q.start).replace(/(?:for|in)\s+(?:19|20)\d\d/gi, ""),
      );
    const isRevenue =
      (metric !== null && measuresCompanyRevenue(s.text, metric, clause.start)) ||
      (!metric && listed) ||
      (metric && previous && listed && metric.end <= previous.end);
    if (!isRevenue) {
      previous = null;
      continue;
    }
    const before = s.text.slice(Math.max(0, q.start - 30), q.start);
    if (ABSOLUTE_CHANGE_BEFORE.test(before) && !/\bsales\s+of\s+$|revenues?\s+of\s+$|turnover\s+of\s+$/i.test(before))
      continue;
    if (CHANGE_NOUN_BEFORE.test(before)) continue;
    // "£2bn below estimates", "$1bn short of forecasts": a gap, not a level.
    if (GAP_AFTER.test(s.text.slice(q.end, q.end + 30))) continue;
    const anchor = metric && metric.start < q.start ? metric.start : q.start;
    const company = previous?.fact && listed ? null : subjectOf(s, anchor, clause);
    const when = whenOf(s, q, clause, "FY");
    let year = when.year;
    // "rose 3% to $8.2bn from $7.96bn": the figure after "from" is the same period a year before.
    // "from £2.1bn ($3.4bn) in 2010 to £1.9bn": the base year said right after the figure is its own.
    const fromFigure = FROM_BEFORE.test(before);
    const base = fromFigure ? s.times.find((t) => t.role === "base" && t.start >= q.end - 2) : undefined;
    const ownBase = base && base.start - q.end < 30 ? base : undefined;
    const isBase = fromFigure && (previous !== null || ownBase?.year != null);
    // "up from 790m francs a year earlier": a relative base counts back from the figure it is compared with.
    const reference = previous?.fact.year ?? when.year;
    const relativeYear = ownBase?.relative != null && reference !== null ? reference + ownBase.relative : null;
    if (ownBase && (ownBase.year !== null || relativeYear !== null)) year = ownBase.year ?? relativeYear;
    else if (isBase && previous) {
      // A year the text writes beside the base is its own; one that dates the sentence is the compared figure's.
      const prev = previous;
      const dated = s.times.some(
        (t) => t.role !== "base" && t.start >= prev.end && t.start <= q.end + 30 && /\d{4}/.test(t.text),
      );
      year = when.stated && dated ? when.year : (base?.year ?? (prev.fact.year !== null ? prev.fact.year - 1 : null));
    }
    const subject =
      company ?? (previous ? (s.mentions.find((m) => m.company === previous!.fact.company) ?? null) : null);
    const owner =
      subject ??
      (previous
        ? { start: 0, end: 0, company: previous.fact.company, surfaces: [], how: "pronoun" as const, possessive: false }
        : null);
    if (!owner || PUBLIC_BODY.test(owner.company)) continue;
    const fact = buildFact(s, q, {
      kind: "revenue",
      company: owner,
      when: { ...when, year, period: isBase && previous ? previous.fact.period : when.period },
      low: q.low,
      high: q.high,
      unit: q.unit!,
      // "expects revenue to rise from the $1.84bn reported for 1986": the base was reported; it is no forecast.
      status: ownBase ? "actual" : statusAround(s.text, clause, q, year, s.publishedYear),
    });
    facts.push(fact);
    previous = { end: q.end, fact };
  }
  return facts;
};
