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
const PERIODIC_KINDS: FactKind[] = ["revenue", "revenue_change", "sales_volume"];

/** The charts of a company page other than stakes, by the name exports give them. */
export type FigureChart = "revenue" | "revenueChange" | "marketShare" | "salesVolume";
export const CHART_FACT_KIND: Record<FigureChart, FactKind> = {
  revenue: "revenue",
  revenueChange: "revenue_change",
  marketShare: "market_share",
  salesVolume: "sales_volume",
};

/** Markets a company has shares of, the most reported first. */
function marketsOf(shares: LeanFact[]): string[] {
  return [...groupBy(shares, (f) => f.market ?? "market not named")]
    .map(([market, group]) => [market, group.reduce((sum, f) => sum + f.n, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([market]) => market);
}

/** What every chart's plan needs besides its figures: the company's name, the years asked for, the market drawn. */
interface PlanContext {
  name: string;
  range: YearRange;
  market: string | undefined;
}

/**
 * How each chart is made from its figures (already of its kind and of the page's kind of period): the one recipe
 * the page and the exports share, so a chart exported alone reads only its own kind of figure and says the same.
 */
const PLANS: Record<FigureChart, (facts: LeanFact[], c: PlanContext) => SeriesPlan[]> = {
  revenue: (facts, c) =>
    splitSeries(
      c.name,
      "revenue",
      facts,
      "revenue",
      (unit) =>
        `Revenue in ${unit} on a time axis: a period without a figure is an empty slot. Hatched bars are forecasts or targets; a bar with a whisker is a range.`,
      () => null,
      c.range,
    ),
  revenueChange: (facts, c) =>
    splitSeries(
      c.name,
      "revenue_change",
      facts.map((f) => ({ ...f, unit: "percent" })),
      "revenue change",
      () =>
        "Change in revenue in percent, drawn at its period; a change measured against an earlier base than the period before is joined back to that base by a dashed line and labelled with it (vs 2007). Declines in red, growth in green.",
      compared,
      c.range,
    ),
  marketShare: (facts, c) =>
    [...groupBy(facts, (f) => f.market ?? "market not named")]
      .filter(([m]) => m === c.market)
      .map(([market, group]) => {
        const picked = pickPerGroup(group, (f) => `${f.year}`).sort(byTime);
        return {
          id: slugPart(`market-share-${market}`),
          kind: "market_share" as const,
          title: `${c.name}: share of ${market}, %`,
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
  salesVolume: (facts, c) =>
    splitSeries(
      c.name,
      "sales_volume",
      facts,
      "sales",
      (unit) => `Sales in ${unit}; a bar with a whisker is a range, hatched bars are forecasts or targets.`,
      (f) => f.market,
      c.range,
      (f) => f.market ?? "",
    ),
};

/** The kinds of period a company's periodic figures come in, and the one a view draws ("part-year" resolved). */
function periodsOf(periodic: LeanFact[], asked: CompanyView["periods"]) {
  const classes = new Set(periodic.map(periodClass));
  const periodTypes = PERIOD_TYPES.filter((t) => classes.has(t));
  const periods: PeriodType = asked === "part-year" ? (periodTypes.find((t) => t !== "year") ?? "year") : asked;
  // One kind of period per page keeps the page light and a quarter never beside a full year.
  const shown: PeriodClass[] = periods === "year" ? ["year", "undated"] : [periods];
  const inView = (f: LeanFact) => !PERIODIC.has(f.kind) || shown.includes(periodClass(f));
  return { periodTypes, periods, inView };
}

/** Plans made into series, with the quotes of the sources they show read in one query. */
async function toSeries(plans: SeriesPlan[][]): Promise<ChartSeries[][]> {
  const sources = await sourcesOf(await shownIds(plans.flat().flatMap((p) => p.picked)));
  return plans.map((ps) =>
    ps.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      description: p.description,
      unit: p.unit,
      axis: p.axis,
      points: p.picked.map((x) => toPoint(x, sources, p.note(x.fact))),
    })),
  );
}

/**
 * One chart of a company, as its page draws it, reading only that chart's kind of figure (an export draws one
 * chart: it need not read every figure the company has). Only "part-year", the old links' word, reads the other
 * periodic kinds too, to find the first part-year type the page would show.
 */
export async function companyChart(
  company: Company,
  chart: FigureChart,
  view: CompanyView = { periods: "year" },
): Promise<{ series: ChartSeries[]; periods: PeriodType }> {
  const kind = CHART_FACT_KIND[chart];
  const partYear = view.periods === "part-year" && PERIODIC.has(kind);
  const facts = await leanFactsOf(company.id, partYear ? PERIODIC_KINDS : [kind]);
  const { periods, inView } = periodsOf(
    facts.filter((f) => PERIODIC.has(f.kind)),
    view.periods,
  );
  const own = facts.filter((f) => f.kind === kind && inView(f));
  const markets = chart === "marketShare" ? marketsOf(own) : [];
  const market = view.market && markets.includes(view.market) ? view.market : markets[0];
  const [series] = await toSeries([
    PLANS[chart](own, { name: company.name, range: { from: view.from, to: view.to }, market }),
  ]);
  return { series, periods };
}

/** The stakes a company holds and those held in it, as its page lists them (the most reported pairs first). */
export async function companyStakes(company: Company, stakes?: LeanFact[]) {
  const held = stakes ?? (await leanFactsOf(company.id, ["stake"]));
  // A joint holder's spellings ("A + B", "B + A") are one holder.
  const joint = await jointHolders();
  const holds = canonicalPairs(
    stakePairs(held, (f) => `${f.counterpartyId}`),
    joint,
  );
  const heldIn = canonicalPairs(
    stakePairs(await leanStakesIn(company.id), (f) => `${f.companyId}`),
    joint,
  );
  const shownHeld = holds.slice(0, MAX_STAKE_PAIRS);
  const shownIn = heldIn.slice(0, MAX_STAKE_PAIRS);
  return {
    stakesHeld: await stakeHistories(shownHeld, joint),
    stakesIn: await stakeHistories(shownIn, joint),
    moreStakesHeld: holds.length - shownHeld.length,
    moreStakesIn: heldIn.length - shownIn.length,
  };
}

/** Everything a company page draws: every kind of figure read at once, each chart made as `companyChart` makes it. */
export async function companyCharts(company: Company, view: CompanyView = { periods: "year" }): Promise<CompanyCharts> {
  const facts = await leanFactsOf(company.id, ["revenue", "revenue_change", "market_share", "sales_volume", "stake"]);
  const { periodTypes, periods, inView } = periodsOf(
    facts.filter((f) => PERIODIC.has(f.kind)),
    view.periods,
  );
  const byKind = groupBy(facts.filter(inView), (f) => f.kind);
  const of = (k: FactKind) => byKind.get(k) ?? [];
  const markets = marketsOf(of("market_share"));
  const market = view.market && markets.includes(view.market) ? view.market : markets[0];
  const range: YearRange = { from: view.from, to: view.to };
  const context = { name: company.name, range, market };
  const charts: FigureChart[] = ["revenue", "revenueChange", "marketShare", "salesVolume"];
  const [revenue, revenueChange, marketShare, salesVolume] = await toSeries(
    charts.map((c) => PLANS[c](of(CHART_FACT_KIND[c]), context)),
  );
  const dated = facts.filter((f) => f.year !== null && f.kind !== "stake").map((f) => f.year!);
  return {
    revenue,
    revenueChange,
    marketShare,
    salesVolume,
    ...(await companyStakes(company, of("stake"))),
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
