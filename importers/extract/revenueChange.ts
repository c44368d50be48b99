import type { Fact } from "../types";
import { clauseAround } from "./clauses";
import { buildFact, type Extractor } from "./context";
import { changeSign, measuresCompanyRevenue, metricOf, regionalFigure } from "./metric";
import { statusAround } from "./status";
import { PUBLIC_BODY, subjectOf } from "./subject";
import { baseOf, whenOf } from "./when";

/** "a 5% rise in sales": the change and the metric after the figure. */
const CHANGE_THEN_METRIC =
  /^\s*(?:year-on-year\s+|annual\s+)?(rise|increase|jump|gain|growth|fall|drop|decline|decrease|slump|slide|dip|reduction)\s+in\s+(?:(?:its|their|the\s+(?:firm|company|group)['’]s)\s+)?(?:(?!profits?\b|earnings\b|income\b)[a-z-]+\s+){0,2}(sales|revenues?|turnover)\b/i;
/** "a fall in underlying sales to 4.6% from 9.1%": the rate of a change named before its figure. */
const RATE_BEFORE =
  /\b(rise|increase|growth|gain|decline|fall|drop|slide|dip|reduction)\s+in\s+(?:(?:its|their|the)\s+)?(?:(?:underlying|like-for-like|total|annual|group|net|organic)\s+)?(?:sales|revenues?|turnover)\s+(?:(?:to|of)\s+[\d.]+\s*(?:%|per\s?cent)\s+)?(?:to|of|from|at)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$/i;
const NEGATIVE = /^(fall|drop|decline|decrease|slump|slide|dip|reduction)$/i;

export const extractRevenueChange: Extractor = (s) => {
  const facts: Fact[] = [];
  for (const q of s.quantities) {
    if (q.kind !== "percent" || q.fraction) continue;
    const clause = clauseAround(s.text, q.start);
    let sign: 1 | -1 | null = null;
    let anchor = q.start;
    const trailing = CHANGE_THEN_METRIC.exec(s.text.slice(q.end));
    const rate = RATE_BEFORE.exec(s.text.slice(Math.max(clause.start, q.start - 90), q.start));
    if (trailing) {
      // "a 5% rise in car sales" counts cars; "in consolidated revenue" is the company's.
      const word = trailing[2].toLowerCase();
      const at = q.end + trailing[0].length - word.length;
      if (!measuresCompanyRevenue(s.text, { word, cls: "revenue", start: at, end: at + word.length })) continue;
      sign = NEGATIVE.test(trailing[1]) ? -1 : 1;
    } else if (rate) {
      sign = NEGATIVE.test(rate[1]) ? -1 : 1;
    } else {
      const metric = metricOf(s.text, q, clause);
      if (!metric || !measuresCompanyRevenue(s.text, metric, clause.start) || metric.start > q.start) continue;
      // Another percentage between the metric and this one belongs to the metric ("sales rose 5% and profit 8%").
      const between = s.text.slice(metric.end, q.start);
      if (/\b(?:profit|earnings|income|margin|shares?|prices?|stake|market)\b/i.test(between)) continue;
      if (/%|per cent|percent/.test(between) && !/\bto\b/.test(between)) continue;
      // In an article that counts cars or phones sold, "sales rose 9%" with no money beside it counts them too.
      const moneyInClause = s.quantities.some(
        (x) => x.kind === "money" && x.start >= clause.start && x.end <= clause.end,
      );
      if (s.volumeUnit && metric.word === "sales" && !moneyInClause) continue;
      sign = changeSign(s.text, metric.end, q);
      anchor = metric.start;
    }
    if (sign === null || regionalFigure(s.text, q.end)) continue;
    // "sales rose 4.1% to 61,200": the level is a count, so the change is in units sold.
    if (
      /^\s*to\s+(?:about\s+|around\s+|nearly\s+)?[\d.,]+(?:\s*(?:million|m|bn|billion|thousand))?(?!\s*(?:%|per\s?cent|[$€£¥]|[A-Z]{3}\b|euros?|dollars?|pounds?|yen|yuan|kronor|francs|rupees))/i.test(
        s.text.slice(q.end),
      ) &&
      !s.quantities.some((x) => x.kind === "money" && x.start >= q.end && x.start - q.end < 8)
    )
      continue;
    const company = subjectOf(s, anchor, clause);
    if (!company || PUBLIC_BODY.test(company.company)) continue;
    let when = whenOf(s, q, clause, "FY");
    // "to 4.6% from 9.1% in 2010": the rate after "from" is the base year's own.
    const ownBase = /\bfrom\s+$/i.test(s.text.slice(Math.max(0, q.start - 6), q.start))
      ? s.times.find((t) => t.role === "base" && t.year !== null && t.start >= q.end && t.start - q.end < 15)
      : undefined;
    if (ownBase) when = { ...when, year: ownBase.year, stated: true };
    const [low, high] = sign < 0 ? [-q.high, -q.low] : [q.low, q.high];
    facts.push(
      buildFact(s, q, {
        kind: "revenue_change",
        company,
        when,
        low,
        high,
        unit: "percent",
        status: statusAround(s.text, clause, q, when.year, s.publishedYear),
        comparedTo: baseOf(s, when, clause),
      }),
    );
  }
  return facts;
};
