import { compareRows, seriesKeys } from "~/components/charts/compareRows";
import { SERIES_COLOURS } from "~/components/charts/palette";
import type { ExportChart } from "~/models/exports.server";
import { CHECKED_SERIES } from "./nativeBars";
import type { Whisker } from "./pptxWhiskers.server";

const hex = (c: string) => c.replace("#", "").toUpperCase();

/**
 * The comparison's series as PowerPoint wants them (a name, the period labels, the values: "Edit Data"), split as
 * the page's chart draws them (compareRows): each company's actual figures, its forecasts and targets (a dashed
 * line), and its changes against an earlier base (markers, each joined back to its base by a dotted line). A period without a figure is a blank, drawn as a
 * gap. A range's point is its middle, as on the page, with a whisker to both its ends, which are series of their own
 * (marked and labelled), so no slide shows a midpoint without the figures a source gave.
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
  const isRange = (p: { low: number; high: number }) => p.low !== p.high && lines.unit !== "index";
  type Point = NonNullable<(typeof lines.rows)[number]["points"][string]>;
  // A range's ends, company by company, wherever its point is (on the line, dashed, or apart): `pick` gives the end
  // this series writes, or null to leave that range to another series.
  const rangeEnd = (pick: (p: Point) => number | null, suffix: string) =>
    used(
      lines.companies.map((c, i) => ({
        name: `${c.name}${suffix}`,
        labels,
        values: lines.rows.map((r) => {
          const p = r.points[c.slug];
          return p && isRange(p) ? round(pick(p)) : null;
        }) as number[],
        colour: hex(SERIES_COLOURS[i % SERIES_COLOURS.length]),
      })),
    );
  // Each range is drawn as a range: a whisker from its low to its high end through its point, as the page draws it
  // (recharts' ErrorBar on the same series). pptxgenjs writes no error bars; pptxWhiskers.server.ts adds them.
  const whiskers: Whisker[] = lines.companies.flatMap((c, i) => {
    const k = seriesKeys(i);
    const colour = hex(SERIES_COLOURS[i % SERIES_COLOURS.length]);
    return (
      [
        [c.name, k.actualRange],
        [`${c.name} (forecast or target)`, k.projectedRange],
        [`${c.name} (against an earlier base)`, k.apartRange],
      ] as const
    ).flatMap(([series, key]) => {
      const spans = rows.map((r) => r[key] as [number, number] | null | undefined);
      if (!spans.some(Boolean)) return [];
      const length = (at: 0 | 1) => spans.map((w) => (w ? (round(w[at]) ?? 0) : 0));
      return [{ series, colour, minus: length(0), plus: length(1) }];
    });
  });
  // A change against an earlier base, as the page draws it: a dotted line from its base to its point, and the base
  // said ("vs 2006"): above the line's start, as the point's own label holds its figure. Each is a series of its
  // own (one holding the figure in every category from the base to the point, so no blank breaks it; one holding
  // only the base's category, labelled with its name).
  const first = lines.rows[0]?.t ?? 0;
  const links = lines.companies.flatMap((c, i) =>
    lines.rows.flatMap((r, j) => {
      const p = r.points[c.slug];
      if (!p || p.chained || p.baseAt === null || p.baseAt >= r.t) return [];
      const from = lines.rows.findIndex((b) => b.t >= Math.max(p.baseAt!, first));
      const y = round(p.value);
      const span = (keep: (k: number) => boolean) => labels.map((_, k) => (keep(k) ? y : null)) as number[];
      return [
        {
          link: {
            name: `${c.name} ${r.label} vs ${p.base} (dotted)`,
            labels,
            values: span((k) => k >= from && k <= j),
          },
          label: { name: `vs ${p.base}`, labels, values: span((k) => k === from) },
          colour: hex(SERIES_COLOURS[i % SERIES_COLOURS.length]),
        },
      ];
    }),
  );
  // Each point's figure is written above it by a series of labels of its own, company by company: a figure a
  // person checked followed by a "✓" (its own series), so the mark reads as part of the figure. A range's figures
  // are its ends: its middle, which no source gives, is not written; a checked range's "✓" follows its high end.
  const pointLabels = (keep: (p: Point) => boolean, suffix: string) =>
    used(
      lines.companies.map((c, i) => ({
        name: `${c.name}: ${suffix}`,
        labels,
        values: lines.rows.map((r) => {
          const p = r.points[c.slug];
          return p && keep(p) ? round(p.value) : null;
        }) as number[],
        colour: hex(SERIES_COLOURS[i % SERIES_COLOURS.length]),
      })),
    );
  const figures = pointLabels((p) => !p.source.checked && !isRange(p), "figure");
  const checked = pointLabels((p) => Boolean(p.source.checked) && !isRange(p), CHECKED_SERIES.toLowerCase());
  return {
    links,
    figures,
    checked,
    /** A range's low end, written below it; its high end, written above it; and a checked range's high end, with its ✓. */
    rangeLows: rangeEnd((p) => p.low, " (low end of a range)"),
    rangeHighs: rangeEnd((p) => (p.source.checked ? null : p.high), " (high end of a range)"),
    checkedRangeHighs: rangeEnd(
      (p) => (p.source.checked ? p.high : null),
      ` (high end of a range, ${CHECKED_SERIES.toLowerCase()})`,
    ),
    whiskers,
    actual: of((i) => seriesKeys(i).actual, ""),
    projected: used(of((i) => seriesKeys(i).projected, " (forecast or target)")),
    apart: used(of((i) => seriesKeys(i).apart, " (against an earlier base)")),
  };
}

/** What the native line chart draws, for its footnote: nothing it does not show. */
export function nativeLineMarks(data: ReturnType<typeof lineData>, ec: ExportChart): string[] {
  const marks: string[] = [];
  if (data.projected.length) marks.push("Dashed lines: forecasts and targets");
  if (data.apart.length)
    marks.push("Points apart: changes against an earlier base, joined back to it by a dotted line labelled with it");
  if (data.whiskers.length)
    marks.push("A range: a whisker from its low to its high figure, both written, through its middle on the line");
  if (ec.lines!.rows.some((r) => Object.keys(r.points).length === 0)) marks.push("A gap: no figure for that period");
  // The points' labels are numbers: the footnote names the figures a person checked.
  const checked = ec.lines!.rows.flatMap((r) =>
    ec.lines!.companies.filter((c) => r.points[c.slug]?.source.checked).map((c) => `${c.name} ${r.label}`),
  );
  if (checked.length) marks.push(`✓ Checked by an analyst: ${checked.join(", ")}`);
  return marks;
}
