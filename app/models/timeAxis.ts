/**
 * Time as a number line: each period sits at a position on it (2008, 2008.25 for Q2 2008), so charts can draw a
 * real time axis where a missing period is a gap rather than a category nobody notices is absent. Plain data and
 * pure functions, shared by the models (which shape rows) and the chart components (which draw the axis).
 */

/** Kinds of period that never share an axis: a quarter is not a quarter of a year's bar. */
export const PERIOD_TYPES = ["year", "half", "quarter", "nine-months"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_WORDS: Record<PeriodType, string> = {
  year: "Full years",
  half: "Half years",
  quarter: "Quarters",
  "nine-months": "Nine months",
};

/** Where a chart's points sit: a time axis of one period type from `first` to `last`. */
export interface SeriesAxis {
  type: PeriodType;
  first: number;
  last: number;
}

/** Distance between two consecutive periods of a type, in years. */
const STEP: Record<PeriodType, number> = { year: 1, half: 0.5, quarter: 0.25, "nine-months": 1 };

/** The stored period codes (importers/types.ts PERIODS) by type; a missing period is a full year. */
export function periodTypeOf(period: string | null | undefined): PeriodType | null {
  if (!period || period === "FY") return "year";
  if (/^Q[1-4]$/.test(period)) return "quarter";
  if (/^H[12]$/.test(period)) return "half";
  if (period === "9M") return "nine-months";
  return null;
}

/** Where a period sits on its type's axis: Q3 2008 at 2008.5, H2 2008 at 2008.5, 9M 2008 and 2008 at 2008. */
export function timeOf(year: number, period: string | null | undefined): number {
  const type = periodTypeOf(period);
  const n = Number(period?.slice(1));
  if (type === "quarter") return year + (n - 1) / 4;
  if (type === "half") return year + (n - 1) / 2;
  return year;
}

/** The label of a position on a type's axis: "2008", "Q3 2008", "H2 2008", "9M 2008". */
export function timeLabel(t: number, type: PeriodType): string {
  const year = Math.floor(t + 1e-9);
  const part = Math.round((t - year) / STEP[type]);
  if (type === "quarter") return `Q${part + 1} ${year}`;
  if (type === "half") return `H${part + 1} ${year}`;
  if (type === "nine-months") return `9M ${year}`;
  return String(year);
}

/** Rounds away the float drift of adding quarters (0.25 steps are exact, but sums of other steps may not be). */
const exact = (t: number) => Math.round(t * 1000) / 1000;

/** Every period of the type from `first` to `last`, so rows can be made for the missing ones too. */
export function slotsBetween(first: number, last: number, type: PeriodType): number[] {
  const step = STEP[type];
  const out: number[] = [];
  for (let i = 0; exact(first + i * step) <= last; i++) out.push(exact(first + i * step));
  return out;
}

/** Most ticks an axis labels; past it every second, fifth... period is labelled (the gaps still show). */
const MAX_TICKS = 12;

/**
 * The ticks of a time axis: every period when they fit, else every k-th one from the first, k a round number of
 * periods. A period without a figure keeps its tick, so a missing year reads as one.
 */
export function timeTicks(first: number, last: number, type: PeriodType): number[] {
  const slots = slotsBetween(first, last, type);
  if (slots.length <= MAX_TICKS) return slots;
  const perYear = Math.round(1 / STEP[type]);
  const every =
    [1, 2, 4, 5, 8, 10, 20, 40, 50, 100, 200]
      .map((k) => (k < perYear ? k : Math.ceil(k / perYear) * perYear))
      .find((k) => Math.ceil(slots.length / k) <= MAX_TICKS) ?? slots.length;
  return slots.filter((_, i) => i % every === 0);
}

/** The axis's extent: half a period either side, so the first and last bars or points sit inside it. */
export function timeDomain(first: number, last: number, type: PeriodType): [number, number] {
  return [exact(first - STEP[type] / 2), exact(last + STEP[type] / 2)];
}

/** The period just before this one on its own axis: the year before, the quarter before, last year's nine months. */
export function previousTime(t: number, type: PeriodType): number {
  return exact(t - STEP[type]);
}

/** "vs 2007", "vs 9M 2008": what a change is measured against, as every chart and table labels it. */
export function baseWords(year: number | null, period: string | null): string | null {
  if (year === null) return null;
  return `vs ${period && period !== "FY" ? `${period} ` : ""}${year}`;
}

/**
 * A change's base on its own axis, or null when it names none or a base of another kind of period (a nine-month
 * figure against a full year cannot be placed on the nine-month axis).
 */
export function baseTime(
  period: string | null,
  comparedYear: number | null,
  comparedPeriod: string | null,
): number | null {
  if (comparedYear === null) return null;
  const own = periodTypeOf(period);
  // A base given without its period is taken to be of the same kind as the figure ("9M 2009 ... from 2008").
  const basePeriod = comparedPeriod ?? period;
  return own !== null && periodTypeOf(basePeriod) === own ? timeOf(comparedYear, basePeriod) : null;
}

/**
 * Whether a change continues a line of period-on-period changes: its base is the period before. A full year's
 * change with no stated base is taken to be against the year before, as news reports mean it; a change against an
 * earlier base ("vs 2007" for 2009) is not, and is drawn apart, linked back to its base.
 */
export function isChained(t: number, type: PeriodType, base: number | null, baseStated: boolean): boolean {
  if (!baseStated) return type === "year";
  return base !== null && base === previousTime(t, type);
}

/** A year range from the selector: both ends optional, in either order. */
export interface YearRange {
  from?: number;
  to?: number;
}

export function inYearRange(year: number | null, range: YearRange): boolean {
  if (year === null) return true;
  const [lo, hi] = [range.from ?? -Infinity, range.to ?? Infinity].sort((a, b) => a - b);
  return year >= lo && year <= hi;
}
