import { type LeanFact, type Picked, pickPerGroup } from "./figures.server";
import {
  baseTime,
  baseWords,
  inYearRange,
  isChained,
  type PeriodType,
  periodTypeOf,
  type SeriesAxis,
  timeOf,
  type YearRange,
} from "./timeAxis";
import type { ChartPoint, FactKind, Source } from "./types";

/**
 * Shaping a company's figures into chart series: one unit and one kind of period per chart, one figure per period,
 * each placed on its period type's time axis. No queries here: charts.server.ts reads the figures and their quotes.
 */

export type { SeriesAxis } from "./timeAxis";

/** One chart's worth of figures: one unit, one kind of period, so nothing unlike is drawn on one axis. */
export interface ChartSeries {
  id: string;
  kind: FactKind;
  title: string;
  description: string;
  unit: string;
  /** A real time axis; null for figures with no year, or several figures a period (sales in several markets). */
  axis: SeriesAxis | null;
  points: ChartPoint[];
}

/** A figure's class: the type of its period, or "undated" when no year is known (drawn with the full years). */
export type PeriodClass = PeriodType | "undated" | "other";

export function periodClass(f: Pick<LeanFact, "year" | "period">): PeriodClass {
  if (f.year === null) return "undated";
  return periodTypeOf(f.period) ?? "other";
}

export const PERIOD_TITLE: Record<PeriodClass, string> = {
  year: "by year",
  half: "by half year",
  quarter: "by quarter",
  "nine-months": "for the first nine months of each year",
  undated: "with no year given",
  other: "for other periods",
};

const PERIOD_ORDER: Record<string, number> = { Q1: 1, H1: 2, Q2: 3, "9M": 4, Q3: 5, H2: 6, Q4: 7, FY: 8 };

/** Charts read left to right in time: year, then the period's end within it. */
export function byTime(a: { fact: LeanFact }, b: { fact: LeanFact }): number {
  return (
    (a.fact.year ?? 0) - (b.fact.year ?? 0) ||
    (PERIOD_ORDER[a.fact.period ?? "FY"] ?? 9) - (PERIOD_ORDER[b.fact.period ?? "FY"] ?? 9)
  );
}

export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function label(f: LeanFact): string {
  const when =
    f.year === null ? "year unknown" : f.period && f.period !== "FY" ? `${f.period} ${f.year}` : String(f.year);
  return f.status === "actual" ? when : `${when} (${f.status})`;
}

export function toPoint(p: Picked, sources: Map<number, Source>, note: string | null): ChartPoint {
  const f = p.fact;
  const type = periodTypeOf(f.period);
  const t = f.year !== null && type ? timeOf(f.year, f.period) : null;
  const baseAt = baseTime(f.period, f.comparedYear, f.comparedPeriod);
  return {
    label: label(f),
    year: f.year,
    period: f.period,
    low: f.low,
    high: f.high,
    unit: f.unit,
    status: f.status,
    approximate: Boolean(f.approximate),
    note,
    base: baseWords(f.comparedYear, f.comparedPeriod)?.replace(/^vs /, "") ?? null,
    t,
    // Only a change is drawn back to its base; a level's "from 85 bn in 2007" is a figure of its own.
    baseAt: f.kind === "revenue_change" ? baseAt : null,
    chained:
      f.kind === "revenue_change" && t !== null && type ? isChained(t, type, baseAt, f.comparedYear !== null) : false,
    sources: p.ids.flatMap((id) => sources.get(id) ?? []),
    sourceCount: p.count,
    disagreeing: p.disagreeing,
  };
}

/**
 * The time axis of a chart's figures, reaching back to the bases of changes and across the year range asked for;
 * null when a period holds more than one figure or the figures have no year (those are drawn as categories).
 */
export function axisOf(facts: LeanFact[], range: YearRange): SeriesAxis | null {
  const dated = facts.filter((f) => f.year !== null);
  const type = periodTypeOf(dated[0]?.period);
  if (!facts.length || !type || dated.length !== facts.length || dated.some((f) => periodTypeOf(f.period) !== type))
    return null;
  const times = dated.map((f) => timeOf(f.year!, f.period));
  if (new Set(times).size !== times.length) return null;
  const bases = dated
    .map((f) => baseTime(f.period, f.comparedYear, f.comparedPeriod))
    .filter((b): b is number => b !== null && inYearRange(Math.floor(b), range));
  const lo = Math.min(...times, ...bases);
  const hi = Math.max(...times);
  // The range asked for is shown whole, so two companies' charts over the same years line up.
  const swapped = range.from !== undefined && range.to !== undefined && range.from > range.to;
  const [from, to] = swapped ? [range.to, range.from] : [range.from, range.to];
  const lastOf = (y: number) => timeOf(y, type === "quarter" ? "Q4" : type === "half" ? "H2" : null);
  return {
    type,
    first: from !== undefined ? Math.min(lo, from) : lo,
    last: to !== undefined ? Math.max(hi, lastOf(to)) : hi,
  };
}

const slugPart = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export interface SeriesPlan {
  id: string;
  kind: FactKind;
  title: string;
  description: string;
  unit: string;
  axis: SeriesAxis | null;
  picked: Picked[];
  note: (f: LeanFact) => string | null;
}

/** Part-year bars shown per chart when no year range is chosen: the most recent. */
const MAX_PART_YEAR_POINTS = 16;

/** Series of one kind split by unit and kind of period, one figure per period, within the year range. */
export function splitSeries(
  company: string,
  kind: FactKind,
  facts: LeanFact[],
  what: string,
  describe: (unit: string, cls: PeriodClass) => string,
  note: (f: LeanFact) => string | null,
  range: YearRange,
  extraKey: (f: LeanFact) => string = () => "",
): SeriesPlan[] {
  const inRange = facts.filter((f) => inYearRange(f.year, range));
  return [...groupBy(inRange, (f) => `${f.unit}|${periodClass(f)}`)].map(([key, group]) => {
    const [unit, cls] = key.split("|") as [string, PeriodClass];
    let picked = pickPerGroup(group, (f) => `${f.year}|${f.period}|${extraKey(f)}`).sort(byTime);
    if (cls !== "year" && cls !== "undated" && range.from === undefined && range.to === undefined)
      picked = picked.slice(-MAX_PART_YEAR_POINTS);
    const unitWords = unit === "percent" ? "%" : unit;
    return {
      id: slugPart(unit === "percent" ? `${kind}-${cls}` : `${kind}-${unit}-${cls}`),
      kind,
      title: `${company}: ${what} ${PERIOD_TITLE[cls]}, ${unitWords}`,
      description: describe(unit, cls),
      unit,
      axis: axisOf(
        picked.map((p) => p.fact),
        range,
      ),
      picked,
      note,
    };
  });
}
