import type PptxGenJS from "pptxgenjs";
import { CHECKED_COLOUR } from "~/components/charts/CheckedGlyph";
import { barScale } from "~/components/charts/niceScale";
import { COLOURS } from "~/components/charts/palette";
import type { ExportChart } from "~/models/exports.server";
import { slotsBetween, timeLabel } from "~/models/timeAxis";
import { CHECKED_FIGURE_FORMAT, type NativePoint, nativeBars } from "./nativeBars";

const FONT = "Calibri";
const hex = (c: string) => c.replace("#", "").toUpperCase();

/** Longest span of years a time axis lists year by year; past it only the years with a figure are listed. */
const MAX_YEARS_ON_AXIS = 40;

/**
 * The categories a bar chart's points sit at: their own labels, or for a stake over time every year of its span,
 * so that a year without a figure is a gap, as on the page's time axis. On a time axis a change against an
 * earlier base than the period before also gets the category of that base, for its dashed line back.
 */
export function categoriesOf(ec: ExportChart): { points: NativePoint[]; labels: string[] } {
  if (ec.history) {
    const years = ec.history.map((p) => p.year ?? 0);
    const [first, last] = [Math.min(...years), Math.max(...years)];
    const labels =
      last - first < MAX_YEARS_ON_AXIS
        ? Array.from({ length: last - first + 1 }, (_, i) => String(first + i))
        : [...new Set(years)].map(String);
    return { points: ec.history.map((p) => ({ ...p, at: String(p.year) })), labels };
  }
  const bars = ec.bars ?? [];
  if (ec.axis && bars.every((p) => p.t != null)) {
    // On the page's time axis: every period of its span is a category, so a missing one is a gap here too.
    const { type, first, last } = ec.axis;
    const labels = slotsBetween(first, last, type).map((t) => timeLabel(t, type));
    // A base before the axis's first period (outside the years asked for) is joined from the first, as on the page.
    const baseSlot = (p: (typeof bars)[number]) =>
      p.baseAt != null && !p.chained && p.baseAt < p.t! ? timeLabel(Math.max(p.baseAt, first), type) : null;
    return {
      points: bars.map((p) => ({ ...p, at: timeLabel(p.t!, type), baseSlot: baseSlot(p) })),
      labels,
    };
  }
  // Two bars may share a label on a company's stakes chart; each keeps its own category.
  const labels = bars.map((p, i) =>
    bars.findIndex((q) => q.label === p.label) === i ? p.label : `${p.label} (${i + 1})`,
  );
  return { points: bars.map((p, i) => ({ ...p, at: labels[i] })), labels };
}

/**
 * The native column chart of a bar chart: the stacked bars (floating for ranges), the marker series that write the
 * figures, and each change's dashed line back to its base; the value axis the page's (barScale: from zero, room
 * for the figures past the bars). Returns what the footnote may say the chart draws.
 */
export function addBarChart(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  ec: ExportChart,
  divisor: number,
  common: Record<string, unknown>,
): string[] {
  const { points, labels } = categoriesOf(ec);
  const bars = nativeBars(points, labels, ec.signColours, divisor);
  const values = [...bars.stacked, ...bars.labelled].flatMap((d) => d.values.filter((v): v is number => v !== null));
  const scale = barScale(values);
  const [above, below] = bars.labelled;
  const checked = [
    [bars.checked.above, "t"],
    [bars.checked.below, "b"],
  ].filter((c): c is [NonNullable<typeof bars.checked.above>, string] => c[0] !== null);
  const count = bars.stacked.length + bars.labelled.length + 2 * bars.links.length + checked.length;
  // Marker series take their colour by their place among all the chart's series: one colour for every place.
  const all = (colour: string) => Array.from({ length: count }, () => colour);
  const labelOptions = {
    lineSize: 0,
    lineDataSymbol: "dash",
    lineDataSymbolSize: 12,
    chartColors: all(hex(COLOURS.text)),
    showValue: true,
    dataLabelFontSize: 12,
    dataLabelFontFace: FONT,
    dataLabelFormatCode: "#,##0.##",
  };
  const linkTypes = bars.links.flatMap((link) => [
    {
      type: pptx.ChartType.line,
      data: [link.line],
      options: { lineSize: 2, lineDash: "dash", lineDataSymbol: "none", chartColors: all(link.colour) },
    },
    {
      // A circle at the base, labelled with the series' name ("vs 2007"). Filled: LibreOffice draws no marker's
      // outline, so a hollow one would not be seen.
      type: pptx.ChartType.line,
      data: [link.base],
      options: {
        lineSize: 0,
        lineDataSymbol: "circle",
        lineDataSymbolSize: 9,
        chartColors: all(link.colour),
        showValue: false,
        showSerName: true,
        dataLabelPosition: "t",
        dataLabelFontSize: 12,
        dataLabelFontFace: FONT,
        dataLabelColor: hex(COLOURS.text),
      },
    },
  ]);
  const types = [
    {
      type: pptx.ChartType.bar,
      data: bars.stacked,
      options: {
        barDir: "col",
        barGrouping: "stacked",
        chartColors: bars.stackedColours,
        showValue: false,
        barGapWidthPct: 80,
      },
    },
    { type: pptx.ChartType.line, data: [above], options: { ...labelOptions, dataLabelPosition: "t" } },
    ...(below
      ? [{ type: pptx.ChartType.line, data: [below], options: { ...labelOptions, dataLabelPosition: "b" } }]
      : []),
    ...linkTypes,
    // A checked figure is written where the others are, followed by its mark, in the mark's colour.
    ...checked.map(([series, position]) => ({
      type: pptx.ChartType.line,
      data: [series],
      options: {
        ...labelOptions,
        dataLabelPosition: position,
        dataLabelFormatCode: CHECKED_FIGURE_FORMAT,
        dataLabelFontBold: true,
        dataLabelColor: hex(CHECKED_COLOUR),
      },
    })),
  ];
  slide.addChart(
    types as unknown as PptxGenJS.IChartMulti[],
    {
      ...common,
      valAxisMinVal: scale.domain[0],
      valAxisMaxVal: scale.domain[1],
      valAxisMajorUnit: scale.ticks[1] - scale.ticks[0],
      showLegend: false,
      // For a chart of several types, pptxgenjs takes the options in the place of the data.
    } as unknown as unknown[],
  );
  return bars.marks;
}

/**
 * A series drawn as nothing but its figures written above each point: a line chart's figures, and (`checked`) those
 * a person checked, followed by the mark in its green, as a bar's checked figure is (its labels' number format adds
 * it). The mark then reads as part of the figure, above the point, where a mark beside the point sat on the marker
 * and on the line leaving it (LibreOffice draws a right-hand label against the marker). `colours`: one per series
 * of the whole chart, as a marker takes its colour by its place among them.
 */
export function figureLabels(
  pptx: PptxGenJS,
  series: { name: string; labels: string[]; values: Array<number | null> },
  colours: string[],
  checked: boolean,
  fontSize: number,
) {
  return {
    type: pptx.ChartType.line,
    data: [series],
    options: {
      lineSize: 0,
      lineDataSymbol: "none",
      chartColors: colours,
      showValue: true,
      dataLabelPosition: "t",
      dataLabelFormatCode: checked ? CHECKED_FIGURE_FORMAT : "#,##0.##",
      dataLabelFontSize: fontSize,
      dataLabelFontFace: FONT,
      ...(checked ? { dataLabelFontBold: true, dataLabelColor: hex(CHECKED_COLOUR) } : {}),
    },
  };
}

/**
 * A range's end on a line chart: a short dash across the whisker (pptxWhiskers.server.ts) with the end's figure
 * written beyond it, above the high end and below the low one; a range a person checked has its high end followed
 * by the mark, bold and in the mark's green, as a bar's checked top is. `colours` as figureLabels'.
 */
export function rangeEndType(
  pptx: PptxGenJS,
  series: { name: string; labels: string[]; values: Array<number | null> },
  colours: string[],
  end: "low" | "high",
  checked: boolean,
  fontSize: number,
) {
  return {
    type: pptx.ChartType.line,
    data: [series],
    options: {
      lineSize: 0,
      lineDataSymbol: "dash",
      lineDataSymbolSize: 12,
      chartColors: colours,
      showValue: true,
      dataLabelPosition: end === "high" ? "t" : "b",
      dataLabelFormatCode: checked ? CHECKED_FIGURE_FORMAT : "#,##0.##",
      dataLabelFontSize: fontSize,
      dataLabelFontFace: FONT,
      ...(checked ? { dataLabelFontBold: true, dataLabelColor: hex(CHECKED_COLOUR) } : {}),
    },
  };
}
