import type { ChartPoint, FactStatus, Source } from "./types";

/** One company's revenue decline for one period, as the declines table lists it. */
export interface Decline {
  company: string;
  slug: string;
  year: number;
  period: string | null;
  /** "2008", "H1 2008". */
  label: string;
  low: number;
  high: number;
  /** The middle of a range: what the table is ordered by. */
  value: number;
  status: FactStatus;
  approximate: boolean;
  /** What the change is measured against ("2006"), as stated or as the article implied it. */
  base: string | null;
  /** How many facts give this figure; `sources` lists the newest of them (all, up to SOURCES_LISTED). */
  sourceCount: number;
  sources: Source[];
}

const STATUS_RANK: Record<FactStatus, number> = { actual: 0, forecast: 1, target: 2 };

/**
 * Largest decline first: the most negative figure (the middle of a range), then the deeper end of a range, then
 * actual figures before forecasts and targets, then the company's name and the newer period, so equal declines
 * always list in the same order.
 */
export function byLargestDecline(
  a: Pick<Decline, "value" | "low" | "status" | "company" | "year" | "label">,
  b: Pick<Decline, "value" | "low" | "status" | "company" | "year" | "label">,
): number {
  return (
    a.value - b.value ||
    a.low - b.low ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    a.company.localeCompare(b.company) ||
    b.year - a.year ||
    a.label.localeCompare(b.label)
  );
}

/** How many of the largest declines the page's chart draws (the table lists them all). */
export const CHARTED_DECLINES = 10;

/**
 * The largest declines as bars for a ranked chart: named by company, and by period too when the list spans
 * several years (one company may then decline twice).
 */
export function declinePoints(rows: Decline[], byPeriod: boolean): ChartPoint[] {
  return rows.slice(0, CHARTED_DECLINES).map((r) => ({
    label: byPeriod ? `${r.company}, ${r.label}` : r.company,
    year: r.year,
    period: r.period,
    low: r.low,
    high: r.high,
    unit: "percent",
    status: r.status,
    approximate: r.approximate,
    note: [r.label, r.base ? `vs ${r.base}` : null].filter(Boolean).join(" "),
    base: r.base,
    sources: r.sources,
    sourceCount: r.sourceCount,
    disagreeing: 0,
  }));
}
