import type { CompareChart, ComparePoint } from "~/models/compare.server";

/** A comparison row as recharts reads it: the period, its figures, and a value per series key (below). */
export type CompareRowData = { t: number; label: string; points: Record<string, ComparePoint> } & Record<
  string,
  unknown
>;

/**
 * The keys of company `i`'s series in each row: its solid line of actual figures, its dashed line of forecasts and
 * targets, its band of ranges, its points apart (changes against an earlier base), and each one's whiskers.
 */
export const seriesKeys = (i: number) => ({
  actual: `a${i}`,
  projected: `f${i}`,
  band: `b${i}`,
  apart: `o${i}`,
  actualRange: `ar${i}`,
  projectedRange: `fr${i}`,
  apartRange: `or${i}`,
  apartLabel: `ol${i}`,
});

/**
 * Rows for the comparison chart. A period where a company has no figure leaves all its keys empty, so its lines
 * break there instead of running across the gap (the lines never connect nulls). A dashed line starts at the
 * actual figure next to a forecast, so the forecast reads as going on from it; a change against an earlier base
 * than the period before is on no line at all.
 */
export function compareRows(chart: CompareChart): CompareRowData[] {
  const withRanges = chart.unit !== "index";
  const rows: CompareRowData[] = chart.rows.map((r) => ({ t: r.t, label: r.label, points: r.points }));
  chart.companies.forEach((c, i) => {
    const k = seriesKeys(i);
    const onLine = (j: number) => {
      const p = chart.rows[j]?.points[c.slug];
      return p?.chained ? p : undefined;
    };
    const banded = withRanges && chart.rows.some((r) => r.points[c.slug]?.chained && isRange(r.points[c.slug]));
    chart.rows.forEach((r, j) => {
      const p = r.points[c.slug];
      if (!p) return;
      const row = rows[j];
      const whisker = withRanges && isRange(p) ? [p.value - p.low, p.high - p.value] : null;
      if (!p.chained) {
        row[k.apart] = p.value;
        row[k.apartRange] = whisker;
        row[k.apartLabel] = p.base ? `vs ${p.base}` : "";
        return;
      }
      if (p.status === "actual") {
        row[k.actual] = p.value;
        row[k.actualRange] = whisker;
        const next = onLine(j + 1);
        const previous = onLine(j - 1);
        if ((next && next.status !== "actual") || (previous && previous.status !== "actual"))
          row[k.projected] = p.value;
      } else {
        row[k.projected] = p.value;
        row[k.projectedRange] = whisker;
      }
      if (banded) row[k.band] = [p.low, p.high];
    });
  });
  return rows;
}

const isRange = (p: ComparePoint | undefined) => Boolean(p && p.low !== p.high);
