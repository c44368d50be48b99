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
import {
  axisOf,
  byTime,
  type ChartSeries,
  groupBy,
  type PeriodClass,
  periodClass,
  type SeriesPlan,
  splitSeries,
  toPoint,
} from "./series.server";
import { canonicalPairs, stakeHistories } from "./stakeHistory.server";
import type { StakeHistory } from "./stakeTypes";
import { baseWords, PERIOD_TYPES, type PeriodType, type YearRange } from "./timeAxis";
import type { FactKind } from "./types";

export type { ChartSeries } from "./series.server";

/** Sources shown per figure; the rest are counted. */
const SOURCES_SHOWN = 3;
/** Holder/held pairs listed on a company page; /stakes lists them all. */
export const MAX_STAKE_PAIRS = 25;

/** The ids whose quotes a set of picked figures will show. */
const shownIds = async (picked: Picked[]) => (await withNewestIds(picked, SOURCES_SHOWN)).flatMap((p) => p.ids);

const slugPart = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const compared = (f: LeanFact) => baseWords(f.comparedYear, f.comparedPeriod);

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
  /** The kind of period drawn (a "part-year" view resolved to the first part-year type the company has). */
  periods: PeriodType;
  /** Kinds of period the company has revenue, change or sales figures for, in PERIOD_TYPES order. */
  periodTypes: PeriodType[];
  /** The company has quarterly or other part-year figures, shown on their own view. */
  hasPartYears: boolean;
  /** The year range asked for, and the first and last years the company's figures have. */
  range: YearRange;
  years: { first: number; last: number } | null;
  /** Markets it has shares of, the most reported first, and the one drawn. */
  markets: string[];
  market: string | null;
}

/** Everything a company page draws, read from the covering indexes, with the quotes of the sources it shows. */
export interface CompanyView extends YearRange {
  /**
   * One kind of period (full years with undated figures, half years, quarters or nine months): never two on one
   * axis. "part-year" (the old links' word for every part of a year) is the first part-year type there is.
   */
  periods: PeriodType | "part-year";
  /** The market whose share is drawn; by default the one most reported. */
  market?: string;
}

/** Kinds whose charts follow the period selector; stakes and market shares are by year whatever it says. */
const PERIODIC = new Set<FactKind>(["revenue", "revenue_change", "sales_volume"]);

export async function companyCharts(company: Company, view: CompanyView = { periods: "year" }): Promise<CompanyCharts> {
  const facts = await leanFactsOf(company.id, ["revenue", "revenue_change", "market_share", "sales_volume", "stake"]);
  const classes = new Set(facts.filter((f) => PERIODIC.has(f.kind)).map(periodClass));
  const periodTypes = PERIOD_TYPES.filter((t) => classes.has(t));
  const periods: PeriodType =
    view.periods === "part-year" ? (periodTypes.find((t) => t !== "year") ?? "year") : view.periods;
  // One kind of period per page keeps the page light and a quarter never beside a full year.
  const shown: PeriodClass[] = periods === "year" ? ["year", "undated"] : [periods];
  const inView = (f: LeanFact) => !PERIODIC.has(f.kind) || shown.includes(periodClass(f));
  const byKind = groupBy(facts.filter(inView), (f) => f.kind);
  const of = (k: FactKind) => byKind.get(k) ?? [];
  const markets = [...groupBy(of("market_share"), (f) => f.market ?? "market not named")]
    .map(([market, group]) => [market, group.reduce((sum, f) => sum + f.n, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([market]) => market);
  const market = view.market && markets.includes(view.market) ? view.market : markets[0];
  const name = company.name;
  const range: YearRange = { from: view.from, to: view.to };
  const dated = facts.filter((f) => f.year !== null && f.kind !== "stake").map((f) => f.year!);
  const plans: Record<"revenue" | "revenueChange" | "marketShare" | "salesVolume", SeriesPlan[]> = {
    revenue: splitSeries(
      name,
      "revenue",
      of("revenue"),
      "revenue",
      (unit) =>
        `Revenue in ${unit} on a time axis: a period without a figure is an empty slot. Hatched bars are forecasts or targets; a bar with a whisker is a range.`,
      () => null,
      range,
    ),
    revenueChange: splitSeries(
      name,
      "revenue_change",
      of("revenue_change").map((f) => ({ ...f, unit: "percent" })),
      "revenue change",
      () =>
        "Change in revenue in percent, drawn at its period; a change measured against an earlier base than the period before is joined back to that base by a dashed line and labelled with it (vs 2007). Declines in red, growth in green.",
      compared,
      range,
    ),
    marketShare: [...groupBy(of("market_share"), (f) => f.market ?? "market not named")]
      .filter(([m]) => m === market)
      .map(([market, group]) => {
        const picked = pickPerGroup(group, (f) => `${f.year}`).sort(byTime);
        return {
          id: slugPart(`market-share-${market}`),
          kind: "market_share" as const,
          title: `${name}: share of ${market}, %`,
          description: `Share of ${market} in percent. Hatched bars are targets or forecasts, for the year under the bar.`,
          unit: "percent",
          axis: axisOf(
            picked.map((p) => p.fact),
            {},
          ),
          picked,
          note: (f: LeanFact) =>
            f.status === "actual" ? market : `${market}, ${f.status} for ${f.year ?? "no stated year"}`,
        };
      }),
    salesVolume: splitSeries(
      name,
      "sales_volume",
      of("sales_volume"),
      "sales",
      (unit) => `Sales in ${unit}; a bar with a whisker is a range, hatched bars are forecasts or targets.`,
      (f) => f.market,
      range,
      (f) => f.market ?? "",
    ),
  };
  // Most reported pairs first; a joint holder's spellings ("A + B", "B + A") are one holder.
  const joint = await jointHolders();
  const held = canonicalPairs(
    stakePairs(of("stake"), (f) => `${f.counterpartyId}`),
    joint,
  );
  const heldIn = canonicalPairs(
    stakePairs(await leanStakesIn(company.id), (f) => `${f.companyId}`),
    joint,
  );
  const shownHeld = held.slice(0, MAX_STAKE_PAIRS);
  const shownIn = heldIn.slice(0, MAX_STAKE_PAIRS);
  const allPicked = Object.values(plans).flatMap((ps) => ps.flatMap((p) => p.picked));
  const sources = await sourcesOf(await shownIds(allPicked));
  const series = (ps: SeriesPlan[]): ChartSeries[] =>
    ps.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      description: p.description,
      unit: p.unit,
      axis: p.axis,
      points: p.picked.map((x) => toPoint(x, sources, p.note(x.fact))),
    }));
  return {
    revenue: series(plans.revenue),
    revenueChange: series(plans.revenueChange),
    marketShare: series(plans.marketShare),
    salesVolume: series(plans.salesVolume),
    stakesHeld: await stakeHistories(shownHeld, joint),
    stakesIn: await stakeHistories(shownIn, joint),
    moreStakesHeld: held.length - shownHeld.length,
    moreStakesIn: heldIn.length - shownIn.length,
    periods,
    periodTypes,
    hasPartYears: periodTypes.some((t) => t !== "year"),
    range,
    // A loop, not Math.min(...): the largest companies have more figures than a call takes arguments.
    years: dated.length
      ? dated.reduce((r, y) => ({ first: Math.min(r.first, y), last: Math.max(r.last, y) }), {
          first: dated[0],
          last: dated[0],
        })
      : null,
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
