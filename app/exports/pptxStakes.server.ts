import type PptxGenJS from "pptxgenjs";
import { CHECKED_COLOUR, checkedOf } from "~/components/charts/CheckedGlyph";
import { niceScale } from "~/components/charts/niceScale";
import { COLOURS } from "~/components/charts/palette";
import type { ExportChart } from "~/models/exports.server";
import { CHECKED_SERIES, lighter } from "./nativeBars";
import { categoriesOf, figureLabels, rangeEndType } from "./pptxBars.server";
import type { Whisker } from "./pptxWhiskers.server";

const hex = (c: string) => c.replace("#", "").toUpperCase();

type Series = { name: string; labels: string[]; values: Array<number | null> };

/**
 * One holder's stake in one company over time as a native line chart, as the page draws it (StakeChart): a point
 * per as-of year on an axis of every year of the span, a thin dotted line joining the years a source gives (nothing
 * is known between them), the value axis from zero, each figure written above its point; a forecast or target
 * (a planned holding) in a lighter colour; a range as a whisker between its two ends, marked and labelled, through
 * an unlabelled point at its middle (no source gives the middle); a figure a person checked followed by a "✓" (a
 * range's high end). Returns what the footnote may say and the whiskers to write into the chart's XML.
 */
export function addStakeLineChart(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  ec: ExportChart,
  common: Record<string, unknown>,
): { marks: string[]; whiskers: Whisker[] } {
  const { points, labels } = categoriesOf(ec);
  const slot = new Map(labels.map((l, i) => [l, i]));
  const series = (name: string): Series => ({ name, labels, values: labels.map(() => null) });
  const trend = series("Stake over time (dotted: the years sources give, joined)");
  const held = series("Stake");
  const planned = series("Stake planned (forecast or target)");
  const middle = series("Middle of a range (no source gives it)");
  const lowEnd = series("Low end of a range");
  const highEnd = series("High end of a range");
  const checkedHighEnd = series(`High end of a range, ${CHECKED_SERIES.toLowerCase()}`);
  // Figures are written by series of labels of their own, a checked one followed by its "✓" (figureLabels).
  const figures = series("Figure");
  const checked = series(CHECKED_SERIES);
  // The whisker's lengths from the middle, down and up (0 where the point is no range).
  const down = labels.map(() => 0);
  const up = labels.map(() => 0);
  for (const p of points) {
    const i = slot.get(p.at);
    if (i === undefined) continue;
    const mid = (p.low + p.high) / 2;
    trend.values[i] = mid;
    const isChecked = Boolean(checkedOf(p.sources));
    if (p.low !== p.high) {
      middle.values[i] = mid;
      lowEnd.values[i] = p.low;
      (isChecked ? checkedHighEnd : highEnd).values[i] = p.high;
      down[i] = mid - p.low;
      up[i] = p.high - mid;
    } else {
      (p.status === "actual" ? held : planned).values[i] = p.low;
      (isChecked ? checked : figures).values[i] = p.low;
    }
  }
  const used = (s: Series) => s.values.some((v) => v !== null);
  // A series of lines takes its colour by its place among the chart's series (pptxgenjs): one colour for all.
  const many = (colour: string) => Array.from({ length: 16 }, () => hex(colour));
  const marker = (s: Series, colour: string, options: Record<string, unknown>) => ({
    type: pptx.ChartType.line,
    data: [s],
    options: { lineSize: 0, chartColors: [colour], lineDataSymbolLineColor: hex(COLOURS.bar), ...options },
  });
  const types = [
    {
      type: pptx.ChartType.line,
      data: [trend],
      options: { lineSize: 1.5, lineDash: "sysDot", lineDataSymbol: "none", chartColors: [hex(COLOURS.bar)] },
    },
    ...(used(held)
      ? [marker(held, hex(COLOURS.bar), { lineDataSymbol: "circle", lineDataSymbolSize: 10, showValue: false })]
      : []),
    ...(used(planned)
      ? [marker(planned, lighter(COLOURS.bar), { lineDataSymbol: "circle", lineDataSymbolSize: 10, showValue: false })]
      : []),
    ...(used(middle)
      ? [
          marker(middle, hex(COLOURS.bar), { lineDataSymbol: "circle", lineDataSymbolSize: 6, showValue: false }),
          rangeEndType(pptx, lowEnd, many(COLOURS.text), "low", false, 12),
          ...[highEnd, checkedHighEnd]
            .filter(used)
            .map((s) => rangeEndType(pptx, s, many(COLOURS.text), "high", s === checkedHighEnd, 12)),
        ]
      : []),
    ...(used(figures) ? [figureLabels(pptx, figures, many(COLOURS.text), false, 12)] : []),
    ...(used(checked) ? [figureLabels(pptx, checked, many(CHECKED_COLOUR), true, 12)] : []),
  ];
  const scale = niceScale(points.flatMap((p) => [p.low, p.high]));
  slide.addChart(
    types as unknown as PptxGenJS.IChartMulti[],
    {
      ...common,
      // The dotted line joins the years a source gives across the years between, as on the page.
      displayBlanksAs: "span",
      valAxisMinVal: scale.domain[0],
      valAxisMaxVal: scale.domain[1],
      valAxisMajorUnit: scale.ticks[1] - scale.ticks[0],
      showLegend: false,
    } as unknown as unknown[],
  );
  const marks = ["Dotted line: joins the as-of years sources give (nothing is known between them)"];
  if (used(planned)) marks.push("Lighter points: forecasts and targets");
  if (used(middle)) marks.push("A range: a whisker between its two ends, both written");
  const named = points.filter((p) => checkedOf(p.sources));
  if (named.length) marks.push(`✓ Checked by an analyst: ${named.map((p) => p.label).join(", ")}`);
  const whiskers = used(middle) ? [{ series: middle.name, colour: hex(COLOURS.bar), minus: down, plus: up }] : [];
  return { marks, whiskers };
}
