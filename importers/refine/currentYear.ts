import type { Fact } from "../types";

/** "In the current financial year", "this year": the year running when the article was written. */
const CURRENT_YEAR = /\b(?:the\s+current|this|the\s+new|the\s+coming)\s+(?:(?:financial|fiscal|trading)\s+)?year\b/i;
/** In a dated article "this year" is the calendar's; only a company's own year may run past a reported one. */
const CURRENT_FISCAL_YEAR = /\b(?:the\s+current|the\s+new|the\s+coming)\s+(?:financial|fiscal|trading)\s+year\b/i;

/**
 * "Sales for the year to 2 April rose to £4.2bn ... it expects sales to pass £4.6bn in the current financial
 * year": a year the article reports as finished cannot be the one running, so the running one is the next.
 *
 * Only the company's own finished years count, and only for what is still to come (forecasts and targets).
 */
export function afterReportedYear(facts: Fact[], dated: boolean): Fact[] {
  const running = dated ? CURRENT_FISCAL_YEAR : CURRENT_YEAR;
  // (No named closure for the test: tsx, which runs the importers, names every one it creates, and that costs.)
  const ahead = facts.filter((f) => runsIn(f, running));
  if (!ahead.length) return facts;
  const finished = new Set(
    facts
      .filter((f) => f.status === "actual" && f.period === "FY" && f.year !== null && f.kind !== "stake")
      .map((f) => `${f.company}|${f.year}`),
  );
  if (!finished.size) return facts;
  return facts.map((f) =>
    runsIn(f, running) && finished.has(`${f.company}|${f.year}`) ? { ...f, year: f.year! + 1 } : f,
  );
}

function runsIn(f: Fact, running: RegExp): boolean {
  if (f.status === "actual" || f.year === null || (f.period !== "FY" && f.period !== null)) return false;
  const sentence = f.quote;
  const match = running.exec(sentence);
  // The phrase must be the fact's own time, not a year named beside it ("by 2008, up from this year's 4%").
  return match !== null && !/\b(?:19|20)\d\d\b/.test(sentence);
}
