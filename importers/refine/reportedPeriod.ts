import type { Fact } from "../types";

/**
 * "Brambleton has reported a 9% rise in sales." and then "Sales for the year to 2 April rose to £4.2bn": an
 * opening change with no period of its own is the change of the results the article goes on to date.
 *
 * Only an actual change of the company's own revenue takes it, and only from the first later revenue figure of
 * the same company that is actual and dated: that is the period the article reports.
 */
export function withReportedPeriod(facts: Fact[]): Fact[] {
  if (!facts.some(isUndatedChange)) return facts;
  const dated = facts
    .filter((f) => (f.kind === "revenue" || f.kind === "revenue_change") && f.status === "actual" && !f.segment)
    .filter((f) => f.year !== null)
    .sort((a, b) => a.start - b.start);
  return facts.map((f) => {
    if (!isUndatedChange(f)) return f;
    const next = dated.find((d) => d.company === f.company && d.start > f.start);
    if (!next) return f;
    const comparedTo = f.comparedTo ?? { year: next.year! - 1, period: next.period };
    return { ...f, year: next.year, period: next.period, comparedTo };
  });
}

const isUndatedChange = (f: Fact) =>
  f.kind === "revenue_change" && f.status === "actual" && f.year === null && f.period === null && !f.segment;
