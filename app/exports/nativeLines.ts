import { compareRows, seriesKeys } from "~/components/charts/compareRows";
import { SERIES_COLOURS } from "~/components/charts/palette";
import type { ExportChart } from "~/models/exports.server";

const hex = (c: string) => c.replace("#", "").toUpperCase();

/**
 * The comparison's series as PowerPoint wants them (a name, the period labels, the values: "Edit Data"), split as
 * the page's chart draws them (compareRows): each company's actual figures, its forecasts and targets (a dashed
 * line), and its changes against an earlier base (markers only). A period without a figure is a blank, drawn as a
 * gap. A range's point is its middle, as on the page, and both its ends are series of their own (marked and
 * labelled), so no slide shows a midpoint without the figures a source gave.
 */
export function lineData(ec: ExportChart, divisor: number) {
  const round = (v: unknown) => (typeof v === "number" ? Math.round((v / divisor) * 1000) / 1000 : null);
  const lines = ec.lines!;
  const rows = compareRows(lines);
  const labels = lines.rows.map((r) => r.label);
  const of = (key: (i: number) => string, suffix: string) =>
    lines.companies.map((c, i) => ({
      name: `${c.name}${suffix}`,
      labels,
      values: rows.map((r) => round(r[key(i)])) as number[],
      colour: hex(SERIES_COLOURS[i % SERIES_COLOURS.length]),
    }));
  const used = (series: ReturnType<typeof of>) => series.filter((s) => s.values.some((v) => v !== null));
  // The ends of every range on the chart, whichever series its point is on; a single figure has none.
  const end = (which: 0 | 1, suffix: string) =>
    used(
      lines.companies.map((c, i) => ({
        name: `${c.name}${suffix}`,
        labels,
        values: lines.rows.map((r) => {
          const p = r.points[c.slug];
          return p && p.low !== p.high && lines.unit !== "index" ? round([p.low, p.high][which]) : null;
        }) as number[],
        colour: hex(SERIES_COLOURS[i % SERIES_COLOURS.length]),
      })),
    );
  return {
    rangeEnds: [...end(0, " (low end of a range)"), ...end(1, " (high end of a range)")],
    actual: of((i) => seriesKeys(i).actual, ""),
    projected: used(of((i) => seriesKeys(i).projected, " (forecast or target)")),
    apart: used(of((i) => seriesKeys(i).apart, " (against an earlier base)")),
  };
}

/** What the native line chart draws, for its footnote: nothing it does not show. */
export function nativeLineMarks(data: ReturnType<typeof lineData>, ec: ExportChart): string[] {
  const marks: string[] = [];
  if (data.projected.length) marks.push("Dashed lines: forecasts and targets");
  if (data.apart.length) marks.push("Markers without a line: changes against an earlier base");
  if (data.rangeEnds.length)
    marks.push("A range: its middle on the line, its two ends marked and labelled above and below");
  if (ec.lines!.rows.some((r) => Object.keys(r.points).length === 0)) marks.push("A gap: no figure for that period");
  return marks;
}
