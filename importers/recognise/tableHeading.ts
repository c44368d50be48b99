import { REVENUE_ROW_LABELS, TABLE_PERIOD_WORDS } from "../lexicons/newswire";
import { NUMBER_WORDS } from "../lexicons/numbers";
import { MONTH_INDEX } from "../lexicons/periods";
import { alternation } from "../lexicons/regex";
import { replaceBefore } from "../text/html";
import type { Period } from "../types";

/** The period an earnings table reports, as its heading or the headline names it. */
export interface TableHeading {
  /** null for a bare "Qtr": the quarter is the one the headline names. */
  period: Period | null;
  endMonth: number | null;
  endDay: number | null;
  year: number | null;
  /** A run of months no label fits ("TWO MONTHS NET"): its rows are dated, with no period. */
  monthsRun?: boolean;
  /** "Qtr" alone, with no ordinal. */
  bareQuarter?: boolean;
}

const PERIOD_RE = alternation([...Object.keys(TABLE_PERIOD_WORDS), "qtr", "quarter"]);
const MONTH_RE = alternation(Object.keys(MONTH_INDEX));
const DAY_RE = String.raw`\d{1,2}|${alternation(Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w] <= 31))}`;
// "4TH QTR JAN 31", "Qtr ended March 31", "Year to December 31, 1986", "Year 1986", "1986 YEAR", "1ST QTR OCT TWO".
const HEADING = new RegExp(
  String.raw`(?<![\w-])(?:(?<lead>(?:19|20)\d\d)\s+)?(?<p>${PERIOD_RE})(?![\w-])(?:\s+(?:ended|ending|to|through)?\s*(?<month>${MONTH_RE})\.?(?:\s+(?<day>${DAY_RE}))?\b)?(?:,?\s+(?<year>(?:19|20)\d\d)\b)?`,
  "i",
);

function parse(m: RegExpExecArray): TableHeading {
  const g = m.groups ?? {};
  const word = g.p.toLowerCase().replace(/\s+/g, " ");
  const day = g.day ? (/^\d/.test(g.day) ? Number(g.day) : NUMBER_WORDS[g.day.toLowerCase()]) : null;
  const period = TABLE_PERIOD_WORDS[word] ?? null;
  return {
    period,
    endMonth: g.month ? MONTH_INDEX[g.month.toLowerCase()] : null,
    endDay: day ?? null,
    year: g.year || g.lead ? Number(g.year ?? g.lead) : null,
    ...(period === null && /^(?:qtr|quarter)$/.test(word) ? { bareQuarter: true } : {}),
  };
}

// "Ended Jan 31", "Periods ended March 31": the day the table's periods end, under a headline that names them.
const ENDED_LINE = new RegExp(
  String.raw`^(?:(?:fiscal\s+)?(?:periods?|year|qtr|quarter)\s+)?(?:ended|ending|ends|to)\s+(?<month>${MONTH_RE})\.?(?:\s+(?<day>${DAY_RE}))?(?:,?\s+(?<year>(?:19|20)\d\d))?\.?$`,
  "i",
);

/** A line of its own that heads a table section ("Nine mths", "Year", "Qtr ended March 31", "Ended Jan 31"). */
export function tableHeadingOf(line: string): TableHeading | null {
  const text = line.trim();
  if (text.split(/\s+/).length > 6 || /\bvs\b/i.test(text)) return null;
  const ended = ENDED_LINE.exec(text);
  if (ended?.groups) {
    const g = ended.groups;
    const day = g.day ? (/^\d/.test(g.day) ? Number(g.day) : NUMBER_WORDS[g.day.toLowerCase()]) : null;
    return {
      period: null,
      endMonth: MONTH_INDEX[g.month.toLowerCase()],
      endDay: day ?? null,
      year: g.year ? Number(g.year) : null,
    };
  }
  const m = HEADING.exec(text);
  return m && m.index === 0 && m[0].length >= text.replace(/[.:]$/, "").length ? parse(m) : null;
}

/** The period a newswire headline announces ("ACME INC <ACM> 4TH QTR JAN 31 NET"), if it names one. */
export function headlinePeriodOf(title: string): TableHeading | null {
  // Tags end at a ">": only the text up to the last one is searched, or a headline of "<" with no ">" is quadratic.
  const text = replaceBefore(title, /<[^>]*>/g, ">", " ");
  const m = HEADING.exec(text);
  if (m) return parse(m);
  // "ACME CORP TWO MONTHS NET": a run of months no label fits, reported as a table all the same.
  if (MONTHS_RUN.test(text)) return { period: null, endMonth: null, endDay: null, year: null, monthsRun: true };
  // "MAARTENSDIJK NV 1986 NET PROFIT RISES": a year's results, named by the year alone.
  const year = YEAR_RESULTS.exec(text);
  return year ? { period: "FY", endMonth: null, endDay: null, year: Number(year[1]) } : null;
}

const MONTHS_RUN =
  /(?<![\w-])(?:TWO|FOUR|FIVE|SEVEN|EIGHT|TEN|ELEVEN|[2457]|1[01])\s+(?:MTHS|MONTHS)\s+(?:NET|LOSS|PROFIT|EARNINGS|RESULTS|SALES|REVENUES?)\b/;
const YEAR_RESULTS = /(?<![\w-])((?:19|20)\d\d)\s+(?:NET|PROFIT|PROFITS|EARNINGS|RESULTS|PRETAX|PRE-TAX)\b/;

const REVENUE_ROW = new RegExp(String.raw`^(?:${alternation(REVENUE_ROW_LABELS)})\s+\d`, "i");

/** A table row of revenue ("Revs 41.7 mln"): short enough to pass for a caption, but a figure all the same. */
export const isRevenueRow = (line: string) => REVENUE_ROW.test(line);
