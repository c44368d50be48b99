import { byTime, toChartPoints } from "./facts.server";
import type { ChartPoint, FactKind, FactView } from "./types";

/** One chart's worth of figures: one unit, one kind of period, so nothing unlike is drawn on one axis. */
export interface ChartSeries {
  id: string;
  kind: FactKind;
  title: string;
  description: string;
  unit: string;
  points: ChartPoint[];
}

type PeriodClass = "year" | "part-year" | "undated";

/** A nine-month or quarterly figure never shares an axis with full years. */
function periodClass(f: FactView): PeriodClass {
  if (f.year === null) return "undated";
  return !f.period || f.period === "FY" ? "year" : "part-year";
}

const PERIOD_TITLE: Record<PeriodClass, string> = {
  year: "by year",
  "part-year": "by quarter and part-year",
  undated: "with no year given",
};

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const unitWords = (unit: string) => (unit === "percent" ? "%" : unit);

/** Revenue bars, one chart per currency and kind of period. */
export function revenueSeries(company: string, facts: FactView[]): ChartSeries[] {
  return [...groupBy(facts, (f) => `${f.unit}|${periodClass(f)}`)].map(([key, group]) => {
    const [unit, cls] = key.split("|") as [string, PeriodClass];
    return {
      id: `revenue-${unit}-${cls}`.toLowerCase(),
      kind: "revenue",
      title: `${company}: revenue ${PERIOD_TITLE[cls]}, ${unit}`,
      description: `Revenue in ${unit}${cls === "part-year" ? " for quarters and part-years" : ""}. Hatched bars are forecasts or targets; a bar from low to high is a range.`,
      unit,
      points: toChartPoints(group),
    };
  });
}

/** Revenue changes in percent, with the period each is compared with. */
export function revenueChangeSeries(company: string, facts: FactView[]): ChartSeries[] {
  return [...groupBy(facts, periodClass)].map(([cls, group]) => ({
    id: `revenue-change-${cls}`,
    kind: "revenue_change",
    title: `${company}: revenue change ${PERIOD_TITLE[cls as PeriodClass]}, %`,
    description:
      "Change in revenue in percent against the period named under each bar; declines in red, growth in green.",
    unit: "percent",
    points: toChartPoints(group, (f) =>
      f.comparedYear !== null
        ? `vs ${f.comparedPeriod && f.comparedPeriod !== "FY" ? `${f.comparedPeriod} ` : ""}${f.comparedYear}`
        : null,
    ),
  }));
}

/** Market shares, one chart per market, targets marked with the year they are for. */
export function marketShareSeries(company: string, facts: FactView[]): ChartSeries[] {
  return [...groupBy(facts, (f) => f.market ?? "market not named")].map(([market, group]) => ({
    id: `market-share-${market}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    kind: "market_share",
    title: `${company}: share of ${market}, %`,
    description: `Share of ${market} in percent. Hatched bars are targets or forecasts, for the year under the bar.`,
    unit: "percent",
    points: toChartPoints(group, (f) =>
      f.status === "actual" ? market : `${market}, ${f.status} for ${f.year ?? "no stated year"}`,
    ),
  }));
}

/** Units sold, one chart per thing counted. */
export function salesVolumeSeries(company: string, facts: FactView[]): ChartSeries[] {
  return [...groupBy(facts, (f) => `${f.unit}|${periodClass(f)}`)].map(([key, group]) => {
    const [unit, cls] = key.split("|") as [string, PeriodClass];
    return {
      id: `sales-volume-${unit}-${cls}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      kind: "sales_volume",
      title: `${company}: sales ${PERIOD_TITLE[cls]}, ${unitWords(unit)}`,
      description: `Sales in ${unit}; a bar from low to high is a range, hatched bars are forecasts or targets.`,
      unit,
      points: toChartPoints(group, (f) => f.market),
    };
  });
}

/** Stakes of one holder in one company, oldest first, with whether their sources disagree. */
export interface StakeGroup {
  holder: string;
  holderSlug: string;
  held: string;
  heldSlug: string;
  points: ChartPoint[];
  /** Sources give different percentages for the same year (or both leave the year out). */
  conflict: boolean;
}

export function stakeGroups(facts: FactView[]): StakeGroup[] {
  return [...groupBy(facts, (f) => `${f.companySlug}|${f.counterpartySlug}`)].map(([, group]) => {
    const points = toChartPoints([...group].sort(byTime), (f) => (f.year === null ? null : String(f.year)));
    const byYear = groupBy(points, (p) => String(p.year));
    const conflict = [...byYear.values()].some(
      (ps) => new Set(ps.map((p) => `${p.low}|${p.high}`)).size > 1 && ps.every((p) => p.status === "actual"),
    );
    return {
      holder: group[0].company,
      holderSlug: group[0].companySlug,
      held: group[0].counterparty ?? "",
      heldSlug: group[0].counterpartySlug ?? "",
      points,
      conflict,
    };
  });
}
