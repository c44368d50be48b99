import type { Company } from "./companies.server";
import { type LeanFact, leanFactsOf, pickPerGroup, sourcesOf } from "./figures.server";
import type { FactStatus, Source } from "./types";

export type CompareMetric = "revenue" | "revenue_change";
export type CompareMode = "absolute" | "indexed";

/** One company's figure for one year on a comparison chart. */
export interface ComparePoint {
  value: number;
  low: number;
  high: number;
  status: FactStatus;
  source: Source;
}

export interface CompareRow {
  year: number;
  /** By company slug; a company without a figure that year has none. */
  points: Record<string, ComparePoint>;
}

export interface CompareChart {
  id: string;
  title: string;
  description: string;
  /** "EUR", "percent" or "index". */
  unit: string;
  companies: Array<{ slug: string; name: string }>;
  rows: CompareRow[];
  note: string | null;
}

type FactView = LeanFact & { source: Source };

/** A full-year figure per company and year: an actual one over a forecast, the one most sources give. */
function yearly(facts: FactView[]): Map<number, FactView> {
  const full = facts.filter((f) => f.year !== null && (!f.period || f.period === "FY"));
  const picked = pickPerGroup(full, (f) => String(f.year));
  const byId = new Map(full.map((f) => [f.id, f]));
  return new Map(picked.map((p) => [p.fact.year!, byId.get(p.fact.id)!]));
}

const point = (f: FactView, value = (f.low + f.high) / 2): ComparePoint => ({
  value,
  low: f.low,
  high: f.high,
  status: f.status,
  source: f.source,
});

function firstCommonYear(series: Array<Map<number, FactView>>): number | null {
  const years = [...(series[0]?.keys() ?? [])].filter((y) => series.every((s) => s.has(y))).sort((a, b) => a - b);
  return years[0] ?? null;
}

function rowsOf(byCompany: Array<[string, Map<number, ComparePoint>]>): CompareRow[] {
  const years = new Set<number>();
  for (const [, m] of byCompany) for (const y of m.keys()) years.add(y);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      points: Object.fromEntries(byCompany.flatMap(([slug, m]) => (m.has(year) ? [[slug, m.get(year)!]] : []))),
    }));
}

/** Rebases each company to 100 in the first year they all have; for changes, compounds them from there. */
function indexed(
  metric: CompareMetric,
  series: Array<[Company, Map<number, FactView>]>,
): { rows: Array<[string, Map<number, ComparePoint>]>; base: number | null } {
  const base = firstCommonYear(series.map(([, m]) => m));
  if (base === null) return { rows: [], base };
  const rows = series.map(([c, m]): [string, Map<number, ComparePoint>] => {
    const out = new Map<number, ComparePoint>();
    const years = [...m.keys()].filter((y) => y >= base).sort((a, b) => a - b);
    let level = 100;
    let previous = base;
    for (const y of years) {
      const f = m.get(y)!;
      const mid = (f.low + f.high) / 2;
      if (metric === "revenue") {
        const baseFact = m.get(base)!;
        level = (mid / ((baseFact.low + baseFact.high) / 2)) * 100;
      } else if (y > base) {
        // A gap in the years breaks the chain: the change is against a year the chart does not have.
        if (y !== previous + 1) break;
        level *= 1 + mid / 100;
      }
      previous = y;
      out.set(y, point(f, Math.round(level * 10) / 10));
    }
    return [c.slug, out];
  });
  return { rows, base };
}

/** Comparison charts for several companies: one per currency for revenue, one for changes in percent. */
export function compareCompanies(companies: Company[], metric: CompareMetric, mode: CompareMode): CompareChart[] {
  // Quotes are read only for the figures drawn: the largest companies have thousands of facts of one kind.
  const lean = new Map(companies.map((c) => [c, leanFactsOf(c.id, [metric])] as const));
  const chosen = [...lean.values()].flatMap((facts) =>
    pickPerGroup(
      facts.filter((f) => f.year !== null && (!f.period || f.period === "FY")),
      (f) => `${f.unit}|${f.year}`,
    ).map((p) => p.fact),
  );
  const sources = sourcesOf(chosen.map((f) => f.id));
  const factsOf = new Map(
    companies.map((c) => [
      c,
      chosen.filter((f) => f.companyId === c.id).map((f) => ({ ...f, source: sources.get(f.id)! })),
    ]),
  );
  const groups = new Map<string, Array<[Company, FactView[]]>>();
  for (const [c, facts] of factsOf) {
    for (const f of facts) {
      const unit = metric === "revenue" ? f.unit : "percent";
      const list = groups.get(unit) ?? [];
      const entry = list.find(([x]) => x === c);
      if (entry) entry[1].push(f);
      else list.push([c, [f]]);
      groups.set(unit, list);
    }
  }
  const what = metric === "revenue" ? "Revenue" : "Revenue change";
  return [...groups].map(([unit, members]) => {
    const series = members.map(([c, facts]): [Company, Map<number, FactView>] => [c, yearly(facts)]);
    const names = members.map(([c]) => ({ slug: c.slug, name: c.name }));
    const absent = companies.filter((c) => !members.some(([m]) => m === c));
    const elsewhere = absent.filter((c) => (lean.get(c) ?? []).length > 0).map((c) => c.name);
    const none = absent.filter((c) => (lean.get(c) ?? []).length === 0).map((c) => c.name);
    const currencyNote =
      [
        elsewhere.length
          ? `Only figures in ${unit} are on this chart: ${elsewhere.join(", ")} ${elsewhere.length === 1 ? "reports" : "report"} in another currency, on a chart of its own.`
          : null,
        none.length
          ? `No ${metric === "revenue" ? "revenue figures" : "revenue changes"} yet for ${none.join(", ")}.`
          : null,
      ]
        .filter(Boolean)
        .join(" ") || null;
    if (mode === "indexed") {
      const { rows, base } = indexed(metric, series);
      return {
        id: `compare-${unit}`.toLowerCase(),
        title: `${what}, indexed (first common year = 100)${metric === "revenue" ? `, ${unit}` : ""}`,
        description:
          base === null
            ? "No full year is common to all these companies, so they cannot be indexed to one base."
            : `Each company is rebased to 100 in ${base}, the first full year all of them report${metric === "revenue_change" ? "; later years compound the reported changes" : ""}.`,
        unit: "index",
        companies: names,
        rows: rowsOf(rows),
        note: currencyNote,
      };
    }
    return {
      id: `compare-${unit}`.toLowerCase(),
      title: `${what} by year${metric === "revenue" ? `, ${unit}` : ", %"}`,
      description: `${what} by full year; forecasts and targets are marked in the tooltip and table.`,
      unit,
      companies: names,
      rows: rowsOf(series.map(([c, m]) => [c.slug, new Map([...m].map(([y, f]) => [y, point(f)]))])),
      note: currencyNote,
    };
  });
}
