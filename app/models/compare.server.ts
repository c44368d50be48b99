import { wantsLogScale } from "~/components/charts/niceScale";
import type { Company } from "./companies.server";
import { type LeanFact, leanFactsOf, pickPerGroup, sourcesOf, withNewestIds } from "./figures.server";
import { PERIOD_TITLE } from "./series.server";
import {
  baseTime,
  baseWords,
  inYearRange,
  isChained,
  PERIOD_TYPE_WORDS,
  PERIOD_TYPES,
  type PeriodType,
  periodTypeOf,
  previousTime,
  slotsBetween,
  timeLabel,
  timeOf,
  type YearRange,
} from "./timeAxis";
import type { FactStatus, Source } from "./types";

export type CompareMetric = "revenue" | "revenue_change";
export type CompareMode = "absolute" | "indexed";

/** One company's figure for one period on a comparison chart. */
export interface ComparePoint {
  value: number;
  low: number;
  high: number;
  status: FactStatus;
  /** What a change is measured against ("2007"), and where that base sits on the axis. */
  base: string | null;
  baseAt: number | null;
  /** A change against the period before: a step of the company's line. Other changes are drawn apart. */
  chained: boolean;
  source: Source;
}

export interface CompareRow {
  /** The period's year and its place on the time axis (2008.5 for Q3 2008), and its label. */
  year: number;
  t: number;
  label: string;
  /** By company slug; a company without a figure for the period has none (and its line breaks there). */
  points: Record<string, ComparePoint>;
}

export interface CompareChart {
  id: string;
  title: string;
  description: string;
  /** "EUR", "percent" or "index". */
  unit: string;
  /** The one kind of period on the axis; rows hold every period from the first to the last, gaps included. */
  periods: PeriodType;
  companies: Array<{ slug: string; name: string }>;
  rows: CompareRow[];
  note: string | null;
  /** "log" when absolute figures span two orders of magnitude or more (niceScale.ts wantsLogScale). */
  scale: "linear" | "log";
}

/** What the comparison shows: a metric, absolute or indexed, one kind of period, a range of years. */
export interface CompareView extends YearRange {
  metric: CompareMetric;
  mode: CompareMode;
  periods?: PeriodType;
}

type FactView = LeanFact & { source: Source };

/** One figure per company and period: an actual one over a forecast, the one most sources give. */
function byPeriod(facts: FactView[]): Map<number, FactView> {
  const dated = facts.filter((f) => f.year !== null);
  const picked = pickPerGroup(dated, (f) => String(timeOf(f.year!, f.period)));
  const byId = new Map(dated.map((f) => [f.id, f]));
  return new Map(picked.map((p) => [timeOf(p.fact.year!, p.fact.period), byId.get(p.fact.id)!]));
}

function point(f: FactView, type: PeriodType, value = (f.low + f.high) / 2): ComparePoint {
  const t = timeOf(f.year!, f.period);
  const baseAt = baseTime(f.period, f.comparedYear, f.comparedPeriod);
  return {
    value,
    low: f.low,
    high: f.high,
    status: f.status,
    base: baseWords(f.comparedYear, f.comparedPeriod)?.replace(/^vs /, "") ?? null,
    baseAt,
    chained: f.kind === "revenue_change" ? isChained(t, type, baseAt, f.comparedYear !== null) : true,
    source: f.source,
  };
}

function firstCommon(series: Array<Map<number, FactView>>): number | null {
  const times = [...(series[0]?.keys() ?? [])].filter((t) => series.every((s) => s.has(t))).sort((a, b) => a - b);
  return times[0] ?? null;
}

/**
 * A row for every period from the first figure (or the first base a change is drawn back to, or the start of the
 * range asked for) to the last, so a missing period is an empty row and the lines break there.
 */
export function rowsOf(
  byCompany: Array<[string, Map<number, ComparePoint>]>,
  type: PeriodType,
  range: YearRange = {},
): CompareRow[] {
  const times: number[] = [];
  for (const [, m] of byCompany)
    for (const [t, p] of m) {
      times.push(t);
      if (!p.chained && p.baseAt !== null && inYearRange(Math.floor(p.baseAt), range)) times.push(p.baseAt);
    }
  if (!times.length) return [];
  const [from, to] = [range.from, range.to].filter((y) => y !== undefined).sort((a, b) => a! - b!);
  const first = Math.min(...times, ...(range.from !== undefined && from !== undefined ? [from] : []));
  const lastOf = (y: number) => timeOf(y, type === "quarter" ? "Q4" : type === "half" ? "H2" : null);
  const ends = range.to !== undefined ? [lastOf((to ?? from)!)] : [];
  const last = Math.max(...times, ...ends);
  return slotsBetween(first, last, type).map((t) => ({
    year: Math.floor(t),
    t,
    label: timeLabel(t, type),
    points: Object.fromEntries(byCompany.flatMap(([slug, m]) => (m.has(t) ? [[slug, m.get(t)!]] : []))),
  }));
}

/**
 * Rebases each company to 100 in the first period they all have; for changes, compounds them from there, as long
 * as each change is against the period before and that period has a figure (else the chain stops: a change
 * against 2007 cannot be compounded onto 2008).
 */
function indexed(
  metric: CompareMetric,
  type: PeriodType,
  series: Array<[Company, Map<number, FactView>]>,
): { rows: Array<[string, Map<number, ComparePoint>]>; base: number | null } {
  const base = firstCommon(series.map(([, m]) => m));
  if (base === null) return { rows: [], base };
  const rows = series.map(([c, m]): [string, Map<number, ComparePoint>] => {
    const out = new Map<number, ComparePoint>();
    const times = [...m.keys()].filter((t) => t >= base).sort((a, b) => a - b);
    let level = 100;
    let previous = base;
    for (const t of times) {
      const f = m.get(t)!;
      const mid = (f.low + f.high) / 2;
      if (metric === "revenue") {
        const baseFact = m.get(base)!;
        level = (mid / ((baseFact.low + baseFact.high) / 2)) * 100;
      } else if (t > base) {
        if (previousTime(t, type) !== previous || !point(f, type).chained) break;
        level *= 1 + mid / 100;
      }
      previous = t;
      // An index has no base period of its own: the change's base is what the chain already checked.
      out.set(t, { ...point(f, type, Math.round(level * 10) / 10), base: null, baseAt: null, chained: true });
    }
    return [c.slug, out];
  });
  return { rows, base };
}

/** What the lines mean, said under every comparison chart (the exports' footnotes say it too). */
const LINES =
  "Solid lines join actual figures, dashed lines forecasts and targets, a shaded band spans a range; a period without a figure breaks the line.";
const APART =
  "A change measured against an earlier base than the period before is not a step of the line: it is a separate point, joined back to its base by a dashed line and labelled with it (vs 2007).";

const LOG =
  "The figures span two orders of magnitude or more, so the value axis is logarithmic: each tick is ten times the one below, and equal slopes are equal rates of growth.";

/** The currency a company gives most of its figures in (the first such, on a tie): the one its index follows. */
function mainUnit(facts: FactView[]): string | undefined {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.unit, (counts.get(f.unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Comparison charts for several companies: one per currency for revenue, one for changes in percent. */
export async function compareCompanies(companies: Company[], view: CompareView): Promise<CompareChart[]> {
  const { metric, mode } = view;
  const type = view.periods ?? "year";
  const range: YearRange = { from: view.from, to: view.to };
  const inView = (f: LeanFact) => f.year !== null && periodTypeOf(f.period) === type && inYearRange(f.year, range);
  // Quotes are read only for the figures drawn: the largest companies have thousands of facts of one kind.
  const lean = new Map<Company, LeanFact[]>();
  for (const c of companies) lean.set(c, await leanFactsOf(c.id, [metric]));
  const picked = [...lean.values()].flatMap((facts) =>
    pickPerGroup(facts.filter(inView), (f) => `${f.unit}|${f.year}|${f.period}`),
  );
  // Each point shows one source: one a person checked when the figure has one (so the chart marks it), else the
  // newest (withNewestIds).
  const shownId = new Map((await withNewestIds(picked, 1)).map((p) => [p.fact, p.ids[0]]));
  const chosen = picked.map((p) => p.fact);
  const sources = await sourcesOf([...shownId.values()]);
  const factsOf = new Map(
    companies.map((c) => [
      c,
      chosen.filter((f) => f.companyId === c.id).map((f) => ({ ...f, source: sources.get(shownId.get(f)!)! })),
    ]),
  );
  // An index has no currency: indexed revenue is one chart, each company on its own main currency.
  const acrossCurrencies = metric === "revenue" && mode === "indexed";
  const dropped: string[] = [];
  if (acrossCurrencies)
    for (const [c, facts] of factsOf) {
      const main = mainUnit(facts);
      const others = [...new Set(facts.filter((f) => f.unit !== main).map((f) => f.unit))];
      if (others.length) dropped.push(`${c.name}'s figures in ${others.join(", ")} (indexed on its ${main} ones)`);
      factsOf.set(
        c,
        facts.filter((f) => f.unit === main),
      );
    }
  const groups = new Map<string, Array<[Company, FactView[]]>>();
  for (const [c, facts] of factsOf) {
    for (const f of facts) {
      // Percentages never split by currency, and neither does an index.
      const unit = acrossCurrencies ? "index" : metric === "revenue" ? f.unit : "percent";
      const list = groups.get(unit) ?? [];
      const entry = list.find(([x]) => x === c);
      if (entry) entry[1].push(f);
      else list.push([c, [f]]);
      groups.set(unit, list);
    }
  }
  const what = metric === "revenue" ? "Revenue" : "Revenue change";
  return [...groups].map(([unit, members]) => {
    const series = members.map(([c, facts]): [Company, Map<number, FactView>] => [c, byPeriod(facts)]);
    const names = members.map(([c]) => ({ slug: c.slug, name: c.name }));
    // Why a company named is not on this chart: its figures in view are in another currency (a chart of their
    // own), it has none of this kind of period or in these years (the kinds it has are said), or none at all.
    const absent = companies.filter((c) => !members.some(([m]) => m === c));
    const elsewhere = absent.filter((c) => (factsOf.get(c) ?? []).length > 0).map((c) => c.name);
    const otherPeriods = absent.flatMap((c) => {
      const all = lean.get(c) ?? [];
      if (!all.length || (factsOf.get(c) ?? []).length) return [];
      const kinds = PERIOD_TYPES.filter((k) => all.some((f) => periodTypeOf(f.period) === k && f.year !== null));
      return [
        `${c.name} (${kinds.length ? kinds.map((k) => PERIOD_TYPE_WORDS[k].toLowerCase()).join(", ") : "no year given"})`,
      ];
    });
    const none = absent.filter((c) => (lean.get(c) ?? []).length === 0).map((c) => c.name);
    const currencyNote =
      [
        dropped.length ? `Left out: ${dropped.join("; ")}.` : null,
        elsewhere.length
          ? `Only figures in ${unit} are on this chart: ${elsewhere.join(", ")} ${elsewhere.length === 1 ? "reports" : "report"} in another currency, on a chart of its own.`
          : null,
        otherPeriods.length
          ? `No ${metric === "revenue" ? "revenue figures" : "revenue changes"} for ${PERIOD_TYPE_WORDS[type].toLowerCase()}${range.from || range.to ? " in these years" : ""} from ${otherPeriods.join(", ")}: pick another kind of period or other years above.`
          : null,
        none.length
          ? `No ${metric === "revenue" ? "revenue figures" : "revenue changes"} yet for ${none.join(", ")}.`
          : null,
      ]
        .filter(Boolean)
        .join(" ") || null;
    const periodWords = PERIOD_TITLE[type];
    const firstWord = type === "year" ? "year" : "period";
    if (mode === "indexed") {
      const { rows, base } = indexed(metric, type, series);
      return {
        id: `compare-${unit}`.toLowerCase(),
        title: `${what} ${periodWords}, indexed (first common ${firstWord} = 100)`,
        description:
          base === null
            ? `No ${firstWord} is common to all these companies, so they cannot be indexed to one base.`
            : `Each company is rebased to 100 in ${timeLabel(base, type)}, the first ${firstWord} all of them report${metric === "revenue_change" ? "; later periods compound the reported changes while each is against the period before" : ", each in its own currency, so currencies do not matter"}. ${LINES}`,
        unit: "index",
        scale: "linear",
        periods: type,
        companies: names,
        rows: rowsOf(rows, type, range),
        note: currencyNote,
      };
    }
    const log =
      metric === "revenue" && wantsLogScale(series.flatMap(([, m]) => [...m.values()].flatMap((f) => [f.low, f.high])));
    return {
      id: `compare-${unit}`.toLowerCase(),
      title: `${what} ${periodWords}${metric === "revenue" ? `, ${unit}` : ", %"}${log ? ", log scale" : ""}`,
      description: `${what} ${periodWords} on a time axis. ${LINES}${metric === "revenue_change" ? ` ${APART}` : ""}${log ? ` ${LOG}` : ""}`,
      unit,
      scale: log ? "log" : "linear",
      periods: type,
      companies: names,
      rows: rowsOf(
        series.map(([c, m]) => [c.slug, new Map([...m].map(([t, f]) => [t, point(f, type)]))]),
        type,
        range,
      ),
      note: currencyNote,
    };
  });
}
