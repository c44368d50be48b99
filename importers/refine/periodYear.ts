import type { Fact, Period } from "../types";

const PART_OF_YEAR = new Set<Period>(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M"]);

/**
 * "Turnover rose 7% in the first half of its financial year." and later "In the six months to 31 December 2006,
 * it sold 2.1 million cases": in an article with no date line, a half or quarter whose year was only guessed is
 * the one the article dates elsewhere, when it dates that part of the year to one year only.
 *
 * A dated figure counts only when it is the sentence's own period, not the base another figure of its sentence is
 * set against ("4.1 bn, against 3.8 bn in the first half of 2005").
 */
export function withDatedPeriodYear(facts: Fact[], undated: boolean): Fact[] {
  if (!undated || !facts.some(guessed)) return facts;
  const years = new Map<Period, Set<number>>();
  for (const f of facts) {
    const year = f.year;
    if (year === null || !f.period || !PART_OF_YEAR.has(f.period) || !f.stated.includes("year")) continue;
    const isBase = facts.some(
      (g) => g !== f && g.start === f.start && g.period === f.period && g.year === year + 1 && g.kind === f.kind,
    );
    if (isBase) continue;
    const set = years.get(f.period) ?? new Set<number>();
    set.add(year);
    years.set(f.period, set);
  }
  if (!years.size) return facts;
  // A sentence moves whole: "sold 2.1 million in the half, against 1.9 million a year earlier" keeps its pair a year
  // apart. One that states a year anywhere has settled its own.
  const shifts = new Map<number, number>();
  for (const f of facts) {
    if (shifts.has(f.start) || !guessed(f)) continue;
    const own = facts.filter((g) => g.start === f.start);
    if (own.some((g) => g.stated.includes("year"))) {
      shifts.set(f.start, 0);
      continue;
    }
    const dated = years.get(f.period!);
    shifts.set(f.start, dated?.size === 1 ? [...dated][0] - f.year! : 0);
  }
  return facts.map((f) => {
    const shift = shifts.get(f.start) ?? 0;
    if (!shift || f.year === null || !f.period || !PART_OF_YEAR.has(f.period)) return f;
    const comparedTo = f.comparedTo?.year != null ? { ...f.comparedTo, year: f.comparedTo.year + shift } : f.comparedTo;
    return { ...f, year: f.year + shift, comparedTo };
  });
}

/** A part of a year whose year the sentence did not state. */
const guessed = (f: Fact) =>
  f.year !== null &&
  f.period !== null &&
  PART_OF_YEAR.has(f.period) &&
  !f.stated.includes("year") &&
  f.kind !== "stake";
