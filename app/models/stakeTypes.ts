/** Stakes over time as pages, charts and exports receive them; plain data, safe to import from client code. */
import { type ChartPoint, drawnSources, type FactStatus, type Source } from "./types";

/** Where a stake's as-of year came from: the sentence itself, or (the sentence naming none) its article's date. */
export type AsOfFrom = "text" | "article";

export interface StakeSource extends Source {
  asOfFrom: AsOfFrom;
}

/** One figure given for a stake in one as-of year, with every source that gives it. */
export interface StakeFigure {
  low: number;
  high: number;
  status: FactStatus;
  approximate: boolean;
  /** How many facts give this figure; `sources` lists the newest of them (all, up to MAX_SOURCES_LISTED). */
  sourceCount: number;
  sources: StakeSource[];
}

/** One row of the stakes table: a holder, a company held and an as-of year, with every figure given for it. */
export interface StakeRow {
  /** Null when neither the sentence nor its article gives a year. */
  asOf: number | null;
  /** "text" or "article" when all sources agree on where the year came from, else "mixed". */
  asOfFrom: AsOfFrom | "mixed";
  /** The figure charted first (actual before forecast, then the most sources), then the others. */
  figures: StakeFigure[];
  /** Two sources give different actual figures for the same holder, company and year. */
  conflict: boolean;
}

/** A holder's stake in one company over time. */
export interface StakeHistory {
  holder: string;
  holderSlug: string;
  held: string;
  heldSlug: string;
  rows: StakeRow[];
  conflict: boolean;
}

/** "2005", "2005, from the article's date": the as-of year and where it came from, in words. */
export function asOfWords(row: Pick<StakeRow, "asOf" | "asOfFrom">): string {
  if (row.asOf === null) return "no year given";
  if (row.asOfFrom === "article") return `${row.asOf}, from the article's date`;
  if (row.asOfFrom === "mixed") return `${row.asOf}, stated or from the article's date`;
  return String(row.asOf);
}

/** The points a chart of one pair draws: each dated row's first figure, at its as-of year. */
export function stakePoints(history: StakeHistory): ChartPoint[] {
  return history.rows.flatMap((r) => {
    const f = r.figures[0];
    if (r.asOf === null || !f) return [];
    return [
      {
        label: String(r.asOf),
        year: r.asOf,
        period: null,
        low: f.low,
        high: f.high,
        unit: "percent",
        status: f.status,
        approximate: f.approximate,
        note: r.asOfFrom === "article" ? "year from the article's date" : null,
        sources: f.sources,
        sourceCount: f.sourceCount,
        disagreeing: r.figures.slice(1).reduce((n, o) => n + (o.status === f.status ? o.sourceCount : 0), 0),
      },
    ];
  });
}

/**
 * Pairs as a page of many sends them when their sources are drawn on demand (StakeList's `compact`, docs/decisions/039):
 * each figure keeps only the sources its chart point draws (the newest, and the first a person checked).
 */
export function drawnStakes(groups: StakeHistory[]): StakeHistory[] {
  return groups.map((g) => ({
    ...g,
    rows: g.rows.map((r) => ({ ...r, figures: r.figures.map((f) => ({ ...f, sources: drawnSources(f.sources) })) })),
  }));
}
