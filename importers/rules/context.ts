import type { DiscourseState, Mention } from "../analyse/mentions";
import { CALENDAR_END_MONTH } from "../lexicons/newswire";
import { MONTH_INDEX } from "../lexicons/periods";
import { alternation } from "../lexicons/regex";
import type { TableHeading } from "../recognise/tableHeading";
import type { Discourse, Period, PeriodRef } from "../types";

/** The day an article was written, as far as its `Date:` line or the user says. */
export interface ReferenceDate {
  year: number;
  /** 1–12, or null when only the year is known. */
  month: number | null;
  day: number | null;
}

/** An earnings table's state: whose figures, which section, which currency. */
export interface TableState {
  company: string | null;
  /** What the headline announces ("4TH QTR JAN 31"): the first section, and the end month of the others. */
  headline: TableHeading | null;
  /** The section heading last seen ("Nine mths"). */
  section: TableHeading | null;
  /** The currency of the table's bare figures, worked out on first asking (it costs a look at the whole article). */
  currency: () => string;
  /** "(In mln guilders)": what the table's bare figures are counted in, when a line says so. */
  unitLine: { scale: number; currency: string | null } | null;
  /** "NOTE: Periods ended December 31, 1986 and 1985": the year the table's current periods end, when a line says. */
  noteYear: number | null;
}

/**
 * Everything carried from one sentence of an article to the next, in one place: the reference date, the period
 * the article is speaking of, who "they" are, the table being read. Rules and extractors read it; only the
 * pipeline's `advance` steps write it.
 */
export interface ArticleContext {
  reference: ReferenceDate | null;
  publishedYear: number | null;
  discourse: Discourse;
  lastQuarter: PeriodRef | null;
  /** The last half the article reported, for "in the half" said later. */
  lastHalf: PeriodRef | null;
  forecastYear: number | null;
  dealYear: { year: number; age: number } | null;
  lastHolder: Mention | null;
  lastHeld: Mention | null;
  volumeUnit: string | null;
  mentions: DiscourseState;
  /**
   * Who leads the band of investors the article speaks of, how many sentences ago it was named, and where in
   * that sentence (a pronoun before it speaks of someone else).
   */
  groupLeader: { name: string; age: number; from: number } | null;
  /** The family last named ("the Keane family"), for "the family" said later. */
  lastFamily: string | null;
  /** The market the last sentence gave a share of, for a rival's share said next ("Rival X edged up to 4.2%"). */
  shareMarket: {
    company: string;
    market: string | null;
    year: number | null;
    period: PeriodRef["period"];
    age: number;
  } | null;
  table: TableState;
}

const MONTH_RE = alternation(Object.keys(MONTH_INDEX));
const DATE = new RegExp(
  String.raw`(?:(?<d1>\d{1,2})\s+(?<m1>${MONTH_RE})\.?|(?<m2>${MONTH_RE})\.?\s+(?<d2>\d{1,2}),?)\s+(?<y>(?:19|20)\d\d)`,
  "i",
);

/** Reads "3 March 1987", "March 3, 1987" or "1987" from a date line. */
export function referenceDateOf(dateLine: string | null, year: number | null): ReferenceDate | null {
  const m = dateLine ? DATE.exec(dateLine) : null;
  if (m?.groups) {
    const g = m.groups;
    const y = Number(g.y);
    if (year === null || year === y)
      return { year: y, month: MONTH_INDEX[(g.m1 ?? g.m2).toLowerCase()], day: Number(g.d1 ?? g.d2) };
  }
  return year === null ? null : { year, month: null, day: null };
}

export function newArticleContext(reference: ReferenceDate | null, publishedYear: number | null): ArticleContext {
  return {
    reference,
    publishedYear,
    discourse: { year: null, period: null },
    lastQuarter: null,
    lastHalf: null,
    forecastYear: null,
    dealYear: null,
    lastHolder: null,
    lastHeld: null,
    volumeUnit: null,
    mentions: { topic: null, recentGroups: [] },
    groupLeader: null,
    lastFamily: null,
    shareMarket: null,
    table: { company: null, headline: null, section: null, currency: () => "USD", unitLine: null, noteYear: null },
  };
}

const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The year a reported period ends in: the latest end of that period on or before the reference date. A table of
 * "4th qtr" results dated March 1987 is 1986's; one of a "4th qtr" ended January 31, dated March 1987, is 1987's.
 */
export function reportedPeriod(heading: TableHeading, headline: TableHeading | null, ref: ReferenceDate | null) {
  const period: Period | null =
    heading.period ?? (heading.bareQuarter ? quarterEnding(headline?.period) : (headline?.period ?? null));
  if (period === null) return monthsRunPeriod(heading, headline, ref);
  if (heading.year !== null) return { period, year: heading.year };
  if (!ref) return { period, year: null };
  // A later section ("Year" after "4TH QTR JAN 31") ends with the quarter the headline dates.
  const month = heading.endMonth ?? headline?.endMonth ?? CALENDAR_END_MONTH[period];
  const day = heading.endMonth ? (heading.endDay ?? LAST_DAY[month - 1]) : (headline?.endDay ?? LAST_DAY[month - 1]);
  if (ref.month === null) return { period, year: month === 12 ? ref.year - 1 : ref.year };
  const endedThisYear = endedBy(month, day, ref.month, ref.day);
  // Results come out within months of the period's end: a calendar period that would have ended over four months
  // before the report ("THIRD QTR" dated June) is a fiscal one that has just ended.
  const monthsSince = (ref.month - month + 12) % 12;
  if (!heading.endMonth && !headline?.endMonth && monthsSince > 4) return { period, year: ref.year };
  return { period, year: endedThisYear ? ref.year : ref.year - 1 };
}

/**
 * "ACME CORP TWO MONTHS NET" over "Period ends February 28": rows of a run of months no period names, dated by the
 * year the run ends in. Without the day it ends, the run is left undated and unread.
 */
function monthsRunPeriod(heading: TableHeading, headline: TableHeading | null, ref: ReferenceDate | null) {
  const month = heading.endMonth ?? headline?.endMonth ?? null;
  if (!(heading.monthsRun || headline?.monthsRun) || month === null || ref?.month == null) return null;
  const day = heading.endDay ?? headline?.endDay ?? LAST_DAY[month - 1];
  return { period: null, year: endedBy(month, day, ref.month, ref.day) ? ref.year : ref.year - 1 };
}

/** "NINE MTHS NET" over a bare "Qtr": the quarter that ends the headline's period (Q3), as a quarter's own is. */
function quarterEnding(period: Period | null | undefined): Period | null {
  if (!period) return null;
  if (/^Q[1-4]$/.test(period)) return period;
  return ({ H1: "Q2", "9M": "Q3", H2: "Q4", FY: "Q4" } as Record<string, Period>)[period] ?? null;
}

/** Whether a period ending on this month and day has ended by the article's date in its own year. */
function endedBy(month: number, day: number, refMonth: number, refDay: number | null): boolean {
  return month < refMonth || (month === refMonth && day <= (refDay ?? 31));
}
