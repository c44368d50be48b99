import type { Company } from "./companies.server";
import {
  type LeanFact,
  leanFactsOf,
  leanStakesIn,
  type Picked,
  pickPerGroup,
  sourcesOf,
  withNewestIds,
} from "./figures.server";
import { jointHolders } from "./jointHolders.server";
import { canonicalPairs, stakeHistories } from "./stakeHistory.server";
import type { StakeHistory } from "./stakeTypes";
import type { ChartPoint, FactKind, Source } from "./types";

/** One chart's worth of figures: one unit, one kind of period, so nothing unlike is drawn on one axis. */
export interface ChartSeries {
  id: string;
  kind: FactKind;
  title: string;
  description: string;
  unit: string;
  points: ChartPoint[];
}

/** Sources shown per figure; the rest are counted. */
const SOURCES_SHOWN = 3;
/** Part-year bars shown per chart: the most recent. */
const MAX_PART_YEAR_POINTS = 16;
/** Holder/held pairs listed on a company page; /stakes lists them all. */
export const MAX_STAKE_PAIRS = 25;

type PeriodClass = "year" | "part-year" | "undated";

/** A nine-month or quarterly figure never shares an axis with full years. */
function periodClass(f: LeanFact): PeriodClass {
  if (f.year === null) return "undated";
  return !f.period || f.period === "FY" ? "year" : "part-year";
}

const PERIOD_TITLE: Record<PeriodClass, string> = {
  year: "by year",
  "part-year": "by quarter and part-year",
  undated: "with no year given",
};

const PERIOD_ORDER: Record<string, number> = { Q1: 1, H1: 2, Q2: 3, "9M": 4, Q3: 5, H2: 6, Q4: 7, FY: 8 };

/** Charts read left to right in time: year, then the period's end within it. */
function byTime(a: { fact: LeanFact }, b: { fact: LeanFact }): number {
  return (
    (a.fact.year ?? 0) - (b.fact.year ?? 0) ||
    (PERIOD_ORDER[a.fact.period ?? "FY"] ?? 9) - (PERIOD_ORDER[b.fact.period ?? "FY"] ?? 9)
  );
}

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

function label(f: LeanFact): string {
  const when =
    f.year === null ? "year unknown" : f.period && f.period !== "FY" ? `${f.period} ${f.year}` : String(f.year);
  return f.status === "actual" ? when : `${when} (${f.status})`;
}

/** The ids whose quotes a set of picked figures will show. */
const shownIds = (picked: Picked[]) => withNewestIds(picked, SOURCES_SHOWN).flatMap((p) => p.ids);

function toPoint(p: Picked, sources: Map<number, Source>, note: string | null): ChartPoint {
  const f = p.fact;
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
    base:
      f.comparedYear === null
        ? null
        : `${f.comparedPeriod && f.comparedPeriod !== "FY" ? `${f.comparedPeriod} ` : ""}${f.comparedYear}`,
    sources: p.ids.flatMap((id) => sources.get(id) ?? []),
    sourceCount: p.count,
    disagreeing: p.disagreeing,
  };
}

const slugPart = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const compared = (f: LeanFact) =>
  f.comparedYear !== null
    ? `vs ${f.comparedPeriod && f.comparedPeriod !== "FY" ? `${f.comparedPeriod} ` : ""}${f.comparedYear}`
    : null;

interface SeriesPlan {
  id: string;
  kind: FactKind;
  title: string;
  description: string;
  unit: string;
  picked: Picked[];
  note: (f: LeanFact) => string | null;
}

/** Series of one kind split by unit and kind of period, one figure per period. */
function splitSeries(
  company: string,
  kind: FactKind,
  facts: LeanFact[],
  what: string,
  describe: (unit: string, cls: PeriodClass) => string,
  note: (f: LeanFact) => string | null,
  extraKey: (f: LeanFact) => string = () => "",
): SeriesPlan[] {
  return [...groupBy(facts, (f) => `${f.unit}|${periodClass(f)}`)].map(([key, group]) => {
    const [unit, cls] = key.split("|") as [string, PeriodClass];
    let picked = pickPerGroup(group, (f) => `${f.year}|${f.period}|${extraKey(f)}`).sort(byTime);
    if (cls === "part-year") picked = picked.slice(-MAX_PART_YEAR_POINTS);
    const unitWords = unit === "percent" ? "%" : unit;
    return {
      id: slugPart(unit === "percent" ? `${kind}-${cls}` : `${kind}-${unit}-${cls}`),
      kind,
      title: `${company}: ${what} ${PERIOD_TITLE[cls]}, ${unitWords}`,
      description: describe(unit, cls),
      unit,
      picked,
      note,
    };
  });
}

export interface CompanyCharts {
  revenue: ChartSeries[];
  revenueChange: ChartSeries[];
  marketShare: ChartSeries[];
  salesVolume: ChartSeries[];
  stakesHeld: StakeHistory[];
  stakesIn: StakeHistory[];
  /** Pairs not listed because of MAX_STAKE_PAIRS. */
  moreStakesHeld: number;
  moreStakesIn: number;
  periods: CompanyView["periods"];
  /** The company has quarterly or other part-year figures, shown on their own view. */
  hasPartYears: boolean;
  /** Markets it has shares of, the most reported first, and the one drawn. */
  markets: string[];
  market: string | null;
}

/** Everything a company page draws, read from the covering indexes, with the quotes of the sources it shows. */
export interface CompanyView {
  /** Full years (and undated figures), or quarters and other part-years: never both on one page. */
  periods: "year" | "part-year";
  /** The market whose share is drawn; by default the one most reported. */
  market?: string;
}

export function companyCharts(company: Company, view: CompanyView = { periods: "year" }): CompanyCharts {
  const facts = leanFactsOf(company.id, ["revenue", "revenue_change", "market_share", "sales_volume", "stake"]);
  const partYears = facts.filter(
    (f) => f.kind !== "stake" && f.kind !== "market_share" && periodClass(f) === "part-year",
  );
  // One kind of period per page keeps the page light and a quarter never beside a full year.
  const inView = (f: LeanFact) =>
    f.kind === "stake" ||
    f.kind === "market_share" ||
    (periodClass(f) === "part-year") === (view.periods === "part-year");
  const byKind = groupBy(facts.filter(inView), (f) => f.kind);
  const of = (k: FactKind) => byKind.get(k) ?? [];
  const markets = [...groupBy(of("market_share"), (f) => f.market ?? "market not named")]
    .map(([market, group]) => [market, group.reduce((sum, f) => sum + f.n, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([market]) => market);
  const market = view.market && markets.includes(view.market) ? view.market : markets[0];
  const name = company.name;
  const plans: Record<"revenue" | "revenueChange" | "marketShare" | "salesVolume", SeriesPlan[]> = {
    revenue: splitSeries(
      name,
      "revenue",
      of("revenue"),
      "revenue",
      (unit, cls) =>
        `Revenue in ${unit}${cls === "part-year" ? " for quarters and part-years" : ""}. Hatched bars are forecasts or targets; a bar with a whisker is a range.`,
      () => null,
    ),
    revenueChange: splitSeries(
      name,
      "revenue_change",
      of("revenue_change").map((f) => ({ ...f, unit: "percent" })),
      "revenue change",
      () =>
        "Change in revenue in percent against the period named in the tooltip and table; declines in red, growth in green.",
      compared,
    ),
    marketShare: [...groupBy(of("market_share"), (f) => f.market ?? "market not named")]
      .filter(([m]) => m === market)
      .map(([market, group]) => ({
        id: slugPart(`market-share-${market}`),
        kind: "market_share" as const,
        title: `${name}: share of ${market}, %`,
        description: `Share of ${market} in percent. Hatched bars are targets or forecasts, for the year under the bar.`,
        unit: "percent",
        picked: pickPerGroup(group, (f) => `${f.year}`).sort(byTime),
        note: (f: LeanFact) =>
          f.status === "actual" ? market : `${market}, ${f.status} for ${f.year ?? "no stated year"}`,
      })),
    salesVolume: splitSeries(
      name,
      "sales_volume",
      of("sales_volume"),
      "sales",
      (unit) => `Sales in ${unit}; a bar with a whisker is a range, hatched bars are forecasts or targets.`,
      (f) => f.market,
      (f) => f.market ?? "",
    ),
  };
  // Most reported pairs first; a joint holder's spellings ("A + B", "B + A") are one holder.
  const joint = jointHolders();
  const held = canonicalPairs(
    stakePairs(of("stake"), (f) => `${f.counterpartyId}`),
    joint,
  );
  const heldIn = canonicalPairs(
    stakePairs(leanStakesIn(company.id), (f) => `${f.companyId}`),
    joint,
  );
  const shownHeld = held.slice(0, MAX_STAKE_PAIRS);
  const shownIn = heldIn.slice(0, MAX_STAKE_PAIRS);
  const allPicked = Object.values(plans).flatMap((ps) => ps.flatMap((p) => p.picked));
  const sources = sourcesOf(shownIds(allPicked));
  const series = (ps: SeriesPlan[]): ChartSeries[] =>
    ps.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      description: p.description,
      unit: p.unit,
      points: p.picked.map((x) => toPoint(x, sources, p.note(x.fact))),
    }));
  return {
    revenue: series(plans.revenue),
    revenueChange: series(plans.revenueChange),
    marketShare: series(plans.marketShare),
    salesVolume: series(plans.salesVolume),
    stakesHeld: stakeHistories(shownHeld, joint),
    stakesIn: stakeHistories(shownIn, joint),
    moreStakesHeld: held.length - shownHeld.length,
    moreStakesIn: heldIn.length - shownIn.length,
    periods: view.periods,
    hasPartYears: partYears.length > 0,
    markets,
    market: market ?? null,
  };
}

export interface StakePair {
  holderId: number;
  heldId: number;
  picked: Picked[];
  facts: number;
}

/** Stakes grouped by holder/held pair, one figure per year, the most reported pairs first. */
export function stakePairs(facts: LeanFact[], pairKey: (f: LeanFact) => string): StakePair[] {
  return [...groupBy(facts, pairKey)]
    .map(([, group]) => ({
      holderId: group[0].companyId,
      heldId: group[0].counterpartyId ?? 0,
      picked: pickPerGroup(
        group.map((f) => ({ ...f, unit: "percent" })),
        (f) => `${f.year}`,
      ).sort(byTime),
      facts: group.reduce((sum, f) => sum + f.n, 0),
    }))
    .sort((a, b) => b.facts - a.facts || a.holderId - b.holderId || a.heldId - b.heldId);
}
