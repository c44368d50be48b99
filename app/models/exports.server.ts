import type { ExportChartName } from "~/exports/formats";
import { type ChartSeries, companyChart, companyStakes } from "./charts.server";
import { type Company, findCompanies, findCompany } from "./companies.server";
import { type CompareChart, type CompareMetric, type CompareMode, compareCompanies } from "./compare.server";
import { listStakes } from "./stakes.server";
import { asOfWords, type StakeHistory, stakePoints } from "./stakeTypes";
import { PERIOD_TYPE_WORDS, type PeriodType, type SeriesAxis, type YearRange } from "./timeAxis";
import { type ChartPoint, sourceHref } from "./types";

export { EXPORT_CHARTS, type ExportChartName } from "~/exports/formats";

/** One row of a chart's data, as the CSV has it. */
export interface FigureRow
  extends Pick<ChartPoint, "label" | "year" | "period" | "low" | "high" | "unit" | "status" | "approximate"> {
  series: string;
  /** The period a change is measured against ("2007"); null for levels. */
  base: string | null;
  sourceTitle: string;
  sourceYear: number | null;
  quote: string;
  /** Path of the sentence in the dashboard. */
  link: string;
}

/** Everything an export needs: what to draw (bars or lines), its words, its data and its sources. */
export interface ExportChart {
  chart: ExportChartName;
  title: string;
  /** Units, currency and periods: "EUR, full years". */
  subtitle: string;
  unit: string;
  /** Bars: one figure per label, drawn with the page's bar chart. */
  bars: ChartPoint[] | null;
  signColours: boolean;
  /** Lines: the page's comparison chart. */
  lines: CompareChart | null;
  /** One holder's stake over time, drawn with the page's stake chart. */
  history: ChartPoint[] | null;
  /** The bars' time axis, as the page draws it (a period without a figure is an empty slot); null: categories. */
  axis: SeriesAxis | null;
  rows: FigureRow[];
  /** Articles the figures come from, each once. */
  sources: Array<{ title: string; year: number | null }>;
  /** "Hatched bars: forecasts and targets" where any are drawn (as the page's chart draws them). */
  marks: string[];
  /** What every rendering of the chart says beside the source: the base periods of changes. */
  notes: string[];
  /** What the file is called, without its extension: "renault-revenue-2007-2008". */
  filename: string;
}

export interface ExportParams extends YearRange {
  company?: string;
  periods: PeriodType | "part-year";
  market?: string;
  unit?: string;
  holder?: string;
  held?: string;
  companies?: string[];
  metric: CompareMetric;
  mode: CompareMode;
}

/** A 404 the export route turns into a response: the thing to export does not exist. */
export class NotFound extends Error {}

const fileSafe = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80) || "chart";

function yearSpan(years: Array<number | null>): string {
  const known = years.filter((y): y is number => y !== null);
  if (!known.length) return "";
  const [min, max] = [Math.min(...known), Math.max(...known)];
  return min === max ? `${min}` : `${min}-${max}`;
}

function rowsOfPoints(series: string, points: ChartPoint[]): FigureRow[] {
  return points.map((p) => {
    const s = p.sources[0];
    return {
      series,
      label: p.label,
      year: p.year,
      period: p.period,
      low: p.low,
      high: p.high,
      unit: p.unit,
      status: p.status,
      approximate: p.approximate,
      base: p.base ?? null,
      sourceTitle: s?.articleTitle ?? "",
      sourceYear: s?.publishedYear ?? null,
      quote: s?.quote ?? "",
      link: s ? sourceHref(s) : "",
    };
  });
}

function sourcesOf(points: ChartPoint[]): ExportChart["sources"] {
  const seen = new Map<string, { title: string; year: number | null }>();
  for (const p of points)
    for (const s of p.sources) seen.set(`${s.articleId}`, { title: s.articleTitle, year: s.publishedYear });
  return [...seen.values()];
}

function marksOf(points: ChartPoint[], drawn: "bars" | "points" = "bars"): string[] {
  const marks: string[] = [];
  if (points.some((p) => p.status !== "actual"))
    marks.push(drawn === "bars" ? "Hatched bars: forecasts and targets" : "Hollow points: forecasts and targets");
  if (points.some((p) => p.low !== p.high)) marks.push("Whiskers: the range given");
  if (points.some((p) => p.approximate)) marks.push("~ approximate");
  return marks;
}

/**
 * The base periods of changes, for the title when all share one ("vs 2007") and for the footnote
 * ("Each change against: 2008 vs 2007, 2009 vs 2008").
 */
function basesOf(points: ChartPoint[]): { title: string; notes: string[] } {
  const based = points.filter((p) => p.base);
  if (!based.length) return { title: "", notes: [] };
  const bases = [...new Set(based.map((p) => p.base))];
  const pairs = based.map((p) => `${p.label.replace(/ \((forecast|target)\)$/, "")} vs ${p.base}`);
  return {
    title: bases.length === 1 ? `, vs ${bases[0]}` : ", each against its stated base",
    notes: [`Each change against: ${[...new Set(pairs)].join(", ")}`],
  };
}

const periodWords = (type: PeriodType) => PERIOD_TYPE_WORDS[type].toLowerCase();

function fromSeries(chart: ExportChartName, company: Company, series: ChartSeries, periods: PeriodType) {
  const unitWords = series.unit === "percent" ? "%" : series.unit;
  const bases = basesOf(series.points);
  return {
    chart,
    title: `${series.title.replace(/, [^,]+$/, "")}${bases.title}`,
    subtitle: `${unitWords}, ${chart === "market-share" ? "by year" : periodWords(periods)}`,
    unit: series.unit,
    bars: series.points,
    axis: series.axis,
    signColours: chart === "revenue-change",
    lines: null,
    history: null,
    rows: rowsOfPoints(series.title, series.points),
    sources: sourcesOf(series.points),
    marks: marksOf(series.points),
    notes: bases.notes,
    filename: fileSafe(
      [company.slug, chart, series.unit === "percent" ? "" : series.unit, yearSpan(series.points.map((p) => p.year))]
        .filter(Boolean)
        .join("-"),
    ),
  } satisfies ExportChart;
}

/** Every source of every stake as a row of its own, so the CSV lists what the page lists. */
function stakeRows(groups: StakeHistory[]): FigureRow[] {
  return groups.flatMap((g) =>
    g.rows.flatMap((r) =>
      r.figures.flatMap((f) =>
        f.sources.map((s) => ({
          series: `${g.holder} → ${g.held}`,
          label: asOfWords({ asOf: r.asOf, asOfFrom: s.asOfFrom }),
          year: r.asOf,
          period: null,
          low: f.low,
          high: f.high,
          unit: "percent",
          status: f.status,
          approximate: f.approximate,
          base: null,
          sourceTitle: s.articleTitle,
          sourceYear: s.publishedYear,
          quote: s.quote,
          link: sourceHref(s),
        })),
      ),
    ),
  );
}

/**
 * One pair: its stake over time, as the page charts it. Several: bars, each pair at its newest as-of year's
 * figure (the year said under the bar).
 */
function fromStakes(groups: StakeHistory[], name: string): ExportChart {
  const single = groups.length === 1 && stakePoints(groups[0]).length > 0 ? groups[0] : null;
  const history = single ? stakePoints(single) : null;
  const points: ChartPoint[] =
    history ??
    groups.flatMap((g) => {
      const latest = stakePoints(g).at(-1);
      return latest ? [{ ...latest, label: `${g.holder} → ${g.held}`, note: latest.label }] : [];
    });
  const years = groups.flatMap((g) => g.rows.map((r) => r.asOf));
  return {
    chart: "stakes",
    title: single ? `${single.holder}'s stake in ${single.held}` : `${name}: stakes`,
    subtitle: single
      ? "% of shares held, by as-of year (the year the source gives, else its article's date)"
      : "% of shares held, newest as-of year per holder and company",
    unit: "percent",
    bars: history ? null : points,
    signColours: false,
    lines: null,
    history,
    axis: null,
    rows: stakeRows(groups),
    sources: sourcesOf(points),
    marks: marksOf(points, history ? "points" : "bars"),
    // A year read from an article's date, not from its sentence, is said so, as on the page.
    notes: history?.some((p) => p.note)
      ? [
          `${history
            .filter((p) => p.note)
            .map((p) => p.label)
            .join(", ")}: year from the article's date`,
        ]
      : [],
    filename: fileSafe(`${single ? `${single.holderSlug}-${single.heldSlug}` : name}-stakes-${yearSpan(years)}`),
  };
}

const CHART_KIND = {
  revenue: "revenue",
  "revenue-change": "revenueChange",
  "market-share": "marketShare",
  "sales-volume": "salesVolume",
} as const;

/** The chart a page draws for these parameters, ready to export; NotFound when there is nothing of the kind. */
export async function exportChart(chart: ExportChartName, q: ExportParams): Promise<ExportChart> {
  if (chart === "compare") return exportCompare(q);
  if (chart === "stakes" && !q.company) {
    const page = await listStakes({ holder: q.holder, held: q.held, pageSize: 50 });
    if (page.unknownFilter) throw new NotFound("No company called that has been imported.");
    if (!page.groups.length) throw new NotFound("No stakes match these filters.");
    return fromStakes(page.groups, [page.holderName, page.heldName].filter(Boolean).join(" and ") || "all");
  }
  const company = q.company ? await findCompany(q.company) : null;
  if (!company)
    throw new NotFound(
      q.company ? `No company called "${q.company}" has been imported.` : "Name a company, e.g. company=renault.",
    );
  // Each chart reads only its own figures, with the model query the page's chart is made from.
  if (chart === "stakes") {
    const stakes = await companyStakes(company);
    const groups = [...stakes.stakesHeld, ...stakes.stakesIn];
    if (!groups.length) throw new NotFound(`No stakes for ${company.name} yet.`);
    return fromStakes(groups, company.name);
  }
  const view = { periods: q.periods, market: q.market, from: q.from, to: q.to };
  const { series: all, periods } = await companyChart(company, CHART_KIND[chart], view);
  const series = q.unit ? all.find((s) => s.unit.toLowerCase() === q.unit?.toLowerCase()) : all[0];
  if (!series)
    throw new NotFound(
      `No ${chart.replace("-", " ")} figures for ${company.name}${q.unit ? ` in ${q.unit}` : ""} yet.`,
    );
  return fromSeries(chart, company, series, periods);
}

/** What a comparison's lines draw, in the words of the page's chart (CompareLineChart): nothing it does not. */
function lineMarks(chart: CompareChart): string[] {
  const points = chart.rows.flatMap((r) => Object.values(r.points));
  const marks: string[] = [];
  if (points.some((p) => p.status !== "actual")) marks.push("Dashed lines and hollow points: forecasts and targets");
  if (points.some((p) => p.low !== p.high && chart.unit !== "index")) marks.push("Shaded bands: ranges");
  if (points.some((p) => !p.chained)) marks.push("Points apart: changes against an earlier base, joined to it");
  if (chart.rows.some((r) => Object.keys(r.points).length === 0)) marks.push("A gap: no figure for that period");
  return marks;
}

async function exportCompare(q: ExportParams): Promise<ExportChart> {
  const slugs = q.companies ?? [];
  if (!slugs.length) throw new NotFound("Name the companies to compare, e.g. companies=renault,nissan.");
  const found = await findCompanies(slugs);
  const missing = slugs.filter((s) => !found.some((c) => c.slug === s));
  if (missing.length)
    throw new NotFound(`No company called ${missing.map((m) => `"${m}"`).join(", ")} has been imported.`);
  const companies = slugs.map((s) => found.find((c) => c.slug === s)!);
  // "part-year" is a company page's word; a comparison takes one kind of period, full years unless named.
  const periods = q.periods === "part-year" ? "year" : q.periods;
  const charts = await compareCompanies(companies, { metric: q.metric, mode: q.mode, periods, from: q.from, to: q.to });
  const unit = q.unit?.toLowerCase();
  const chart = (unit ? charts.find((c) => c.id === `compare-${unit}`) : null) ?? charts[0];
  if (!chart) throw new NotFound(`No full-year figures to compare for ${companies.map((c) => c.name).join(", ")} yet.`);
  const rows: FigureRow[] = chart.rows.flatMap((r) =>
    chart.companies.flatMap((c) => {
      const p = r.points[c.slug];
      if (!p) return [];
      return [
        {
          series: c.name,
          label: r.label,
          year: r.year,
          period: /^\d/.test(r.label) ? "FY" : r.label.split(" ")[0],
          low: chart.unit === "index" ? p.value : p.low,
          high: chart.unit === "index" ? p.value : p.high,
          unit: chart.unit,
          status: p.status,
          approximate: false,
          base: p.base,
          sourceTitle: p.source.articleTitle,
          sourceYear: p.source.publishedYear,
          quote: p.source.quote,
          link: sourceHref(p.source),
        },
      ];
    }),
  );
  const seen = new Map(rows.map((r) => [r.sourceTitle, { title: r.sourceTitle, year: r.sourceYear }]));
  return {
    chart: "compare",
    title: chart.title.replace(/, [A-Z]{3}$|, %$/, ""),
    subtitle: `${chart.unit === "index" ? `index, first common ${periods === "year" ? "year" : "period"} = 100` : chart.unit === "percent" ? "%" : chart.unit}, ${periodWords(periods)}`,
    unit: chart.unit,
    bars: null,
    signColours: false,
    lines: chart,
    history: null,
    axis: null,
    rows,
    sources: [...seen.values()],
    marks: lineMarks(chart),
    notes: basesOf(
      rows.map((r) => ({ label: `${r.series} ${r.label}`, base: r.base }) as ChartPoint).filter((p) => p.base),
    ).notes,
    filename: fileSafe(`${slugs.join("-")}-${q.metric}-${q.mode}-${yearSpan(chart.rows.map((r) => r.year))}`),
  };
}
