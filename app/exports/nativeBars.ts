import { checkedOf } from "~/components/charts/CheckedGlyph";
import { COLOURS } from "~/components/charts/palette";
import type { ChartPoint } from "~/models/types";

/**
 * Figures as a native PowerPoint column chart that says what the page says: every bar from zero or, for a range,
 * a floating bar from its low to its high end (never a midpoint no source gave); forecasts and targets in a lighter
 * fill of their colour; the real figures as labels. PowerPoint has no floating bar, so it is a stacked chart: a
 * transparent base up to where the bar starts, then the bar; the labels come from two marker-only line series
 * holding the figures themselves ("Edit Data" shows them), written past each bar's end away from zero as on the
 * page. A change against an earlier base than the period before is joined back to that base by a dashed line
 * ending in a circle labelled "vs 2007", as the page draws it.
 */
export interface NativeSeries {
  name: string;
  labels: string[];
  values: Array<number | null>;
}

export interface NativeBars {
  /** Stacked: the transparent base first, then one series per fill. */
  stacked: NativeSeries[];
  stackedColours: string[];
  /**
   * Marker-only series carrying the labels: those written above (a figure at or over zero, a range's top) and,
   * when any, those below (a decline's figure, a range's bottom).
   */
  labelled: NativeSeries[];
  /** A change's dashed line back to its base, and the circle at the base that says "vs 2007". */
  links: NativeLink[];
  /**
   * The figures a person checked, written as the others are but followed by a "✓" (their labels' number format
   * adds it), as the page writes the mark after the figure: those written above, and those written below (a
   * decline). These figures are left out of `labelled`, so each is written once.
   */
  checked: { above: NativeSeries | null; below: NativeSeries | null };
  /** What the native chart draws, for its footnote: nothing it does not show. */
  marks: string[];
}

export interface NativeLink {
  line: NativeSeries;
  base: NativeSeries;
  colour: string;
}

/** A bar at its category; `baseSlot` is the category of the earlier base a change is joined back to. */
export type NativePoint = ChartPoint & { at: string; baseSlot?: string | null };

const hex = (c: string) => c.replace("#", "").toUpperCase();

/** The name of the series of checked figures ("Edit Data" shows it). */
export const CHECKED_SERIES = "Checked by an analyst";

/** The number format of a bar's checked figure: the figure, then the mark. */
export const CHECKED_FIGURE_FORMAT = '#,##0.##" ✓"';

/** A colour mixed two thirds of the way to white: the lighter fill of forecasts and targets. */
export function lighter(colour: string): string {
  const n = Number.parseInt(hex(colour), 16);
  const mix = (shift: number) => Math.round(((n >> shift) & 255) + (255 - ((n >> shift) & 255)) * 0.65);
  return [16, 8, 0]
    .map((s) => mix(s).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

interface Fill {
  name: string;
  colour: string;
}

/** A bar's colour, as the page's: declines red and growth green on a chart of changes. */
function colourOf(p: ChartPoint, signColours: boolean): string {
  const mid = (p.low + p.high) / 2;
  return !signColours ? COLOURS.bar : mid < 0 ? COLOURS.decline : COLOURS.growth;
}

/** "vs 2007", as the page labels a change's base. */
const baseWordsOf = (p: ChartPoint) => `vs ${p.base}`;

function fillOf(p: ChartPoint, signColours: boolean): Fill {
  const mid = (p.low + p.high) / 2;
  const base = colourOf(p, signColours);
  const sign = !signColours ? "" : mid < 0 ? "decline" : "growth";
  const projected = p.status !== "actual";
  const name = [sign, projected ? "forecast or target" : signColours ? "" : "figure"].filter(Boolean).join(", ");
  return { name: name.charAt(0).toUpperCase() + name.slice(1), colour: projected ? lighter(base) : hex(base) };
}

/**
 * `labels` are the categories in order (a time axis passes every year of its span, so missing years are gaps);
 * each point sits at its own label.
 */
export function nativeBars(points: NativePoint[], labels: string[], signColours: boolean, divisor: number): NativeBars {
  const round = (v: number) => Math.round((v / divisor) * 1000) / 1000;
  const slot = new Map(labels.map((l, i) => [l, i]));
  const empty = () => labels.map(() => null as number | null);
  const base: NativeSeries = { name: "(bar start)", labels, values: empty() };
  const fills = new Map<string, { fill: Fill; series: NativeSeries }>();
  const high: NativeSeries = { name: "Figure written above (a range's top)", labels, values: empty() };
  const low: NativeSeries = { name: "Figure written below (a decline, a range's bottom)", labels, values: empty() };
  const links: NativeLink[] = [];
  const checkedAbove: NativeSeries = { name: CHECKED_SERIES, labels, values: empty() };
  const checkedBelow: NativeSeries = { name: `${CHECKED_SERIES} (figure written below)`, labels, values: empty() };
  const series = (key: string, fill: Fill) => {
    const found = fills.get(key) ?? { fill, series: { name: fill.name, labels, values: empty() } };
    fills.set(key, found);
    return found.series;
  };
  for (const p of points) {
    const i = slot.get(p.at);
    if (i === undefined) continue;
    const [a, b] = [round(p.low), round(p.high)];
    const fill = fillOf(p, signColours);
    if (a === b) {
      series(fill.name, fill).values[i] = a;
    } else if (a >= 0 || b <= 0) {
      // From the end nearer zero to the far one: negative parts stack downwards from zero.
      const near = a >= 0 ? a : b;
      base.values[i] = near;
      series(fill.name, fill).values[i] = Math.round(((a >= 0 ? b : a) - near) * 1000) / 1000;
    } else {
      // A range across zero: its positive and negative parts, both in the bar's fill.
      series(fill.name, fill).values[i] = b;
      series(`${fill.name} below zero`, { ...fill, name: `${fill.name} (below zero)` }).values[i] = a;
    }
    // Each figure past its bar's end away from zero: a decline's below it, a range's two ends on either side; a
    // checked figure (a range's top) with its mark.
    const checked = Boolean(checkedOf(p.sources));
    if (a === b && b < 0) (checked ? checkedBelow : low).values[i] = b;
    else {
      (checked ? checkedAbove : high).values[i] = b;
      if (a !== b) low.values[i] = a;
    }
    const from = p.baseSlot ? slot.get(p.baseSlot) : undefined;
    if (from !== undefined && from < i) {
      // At the bar's end nearer zero: a figure the source gave, where the page draws the line at a range's middle.
      const y = a >= 0 ? a : b <= 0 ? b : 0;
      const line: NativeSeries = { name: `${p.label}: ${baseWordsOf(p)} (line)`, labels, values: empty() };
      // Every category between holds the value too: a blank is a gap, and would break the line.
      for (let k = from; k <= i; k++) line.values[k] = y;
      const base: NativeSeries = { name: baseWordsOf(p), labels, values: empty() };
      base.values[from] = y;
      links.push({ line, base, colour: hex(colourOf(p, signColours)) });
    }
  }
  const any = (series: NativeSeries) => series.values.some((v) => v !== null);
  const anyBelow = any(low);
  const anyRange = points.some((p) => round(p.low) !== round(p.high));
  const marks: string[] = [];
  if (points.some((p) => p.status !== "actual")) marks.push("Lighter bars: forecasts and targets");
  if (anyRange) marks.push("Floating bars: a range, from its low to its high figure");
  if (links.length) marks.push("Dashed lines: a change joined back to the base it is measured against");
  if (points.some((p) => p.approximate)) marks.push("Some figures are approximate");
  // The ✓ after a figure says a person checked it; the footnote names them too.
  const named = points.filter((p) => checkedOf(p.sources));
  if (named.length) marks.push(`✓ Checked by an analyst: ${named.map((p) => p.label).join(", ")}`);
  return {
    stacked: [base, ...[...fills.values()].map((f) => f.series)],
    stackedColours: ["transparent", ...[...fills.values()].map((f) => f.fill.colour)],
    labelled: anyBelow ? [high, low] : [high],
    links,
    checked: { above: any(checkedAbove) ? checkedAbove : null, below: any(checkedBelow) ? checkedBelow : null },
    marks,
  };
}
