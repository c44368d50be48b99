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
    const sum = ledTo(f, facts);
    if (sum) {
      const comparedTo = sum.year === null ? f.comparedTo : { year: sum.year - 1, period: sum.period };
      return { ...f, year: sum.year, period: sum.period, comparedTo };
    }
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

/**
 * "reported a 7% rise in turnover to £2.31bn for 2004", "a 31% jump in first-half revenue to 14.6bn euros": the
 * change is of the sum it led to, in the same sentence, whose time the words after the change give.
 */
function ledTo(f: Fact, facts: Fact[]): Fact | undefined {
  return facts.find(
    (d) =>
      d.kind === "revenue" &&
      d.company === f.company &&
      d.start === f.start &&
      d.status === f.status &&
      !d.segment &&
      d.figureStart > f.figureEnd &&
      (d.year !== null || d.period !== null) &&
      LED_TO.test(f.quote.slice(f.figureEnd - f.start, d.figureStart - f.start)),
  );
}

const LED_TO =
  /^\s*(?:rise|increase|jump|climb|gain|growth|fall|drop|decline|slump)\s+in\s+[^\d.;]{0,50}?\bto\s+(?:about\s+|around\s+|nearly\s+)?[^\d\s]{0,2}$/i;
