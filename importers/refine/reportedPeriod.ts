import type { Fact } from "../types";

/**
 * "Brambleton has reported a 9% rise in sales." and then "Sales for the year to 2 April rose to £4.2bn": an
 * opening change with no period of its own is the change of the results the article goes on to date. So is an
 * "annual" change whose year was only guessed from the publication year: the year the article states wins.
 *
 * Only an actual change of the company's own revenue takes it, and only from the first later revenue figure of
 * the same company that is actual and dated: that is the period the article reports.
 */
export function withReportedPeriod(facts: Fact[]): Fact[] {
  if (!facts.some(mayTakePeriod)) return facts;
  const dated = facts
    .filter((f) => (f.kind === "revenue" || f.kind === "revenue_change") && f.status === "actual" && !f.segment)
    .filter((f) => f.year !== null)
    .sort((a, b) => a.start - b.start);
  return facts.map((f) => {
    if (!mayTakePeriod(f)) return f;
    const next = dated.find(
      (d) =>
        d.company === f.company &&
        d.start > f.start &&
        (f.year === null || (d.stated.includes("year") && d.period === f.period)),
    );
    if (!next || (next.year === f.year && next.period === f.period)) return f;
    const comparedTo = f.comparedTo && f.year === null ? f.comparedTo : { year: next.year! - 1, period: next.period };
    return { ...f, year: next.year, period: next.period, comparedTo };
  });
}

/** A change of the company's own revenue with no period, or a full year the sentence did not state. */
const mayTakePeriod = (f: Fact) =>
  f.kind === "revenue_change" &&
  f.status === "actual" &&
  !f.segment &&
  ((f.year === null && f.period === null) || (f.period === "FY" && !f.stated.includes("year")));
