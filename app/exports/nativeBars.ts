import { COLOURS } from "~/components/charts/palette";
import type { ChartPoint } from "~/models/types";

/**
 * Figures as a native PowerPoint column chart that says what the page says: every bar from zero or, for a range,
 * a floating bar from its low to its high end (never a midpoint no source gave); forecasts and targets in a lighter
 * fill of their colour; the real figures as labels. PowerPoint has no floating bar, so it is a stacked chart: a
 * transparent base up to where the bar starts, then the bar; the labels come from two marker-only line series
 * holding the figures themselves ("Edit Data" shows them).
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
  /** Marker-only series carrying the labels: each bar's high end (its figure), and a range's low end. */
  labelled: NativeSeries[];
  /** What the native chart draws, for its footnote: nothing it does not show. */
  marks: string[];
}

const hex = (c: string) => c.replace("#", "").toUpperCase();

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

function fillOf(p: ChartPoint, signColours: boolean): Fill {
  const mid = (p.low + p.high) / 2;
  const base = !signColours ? COLOURS.bar : mid < 0 ? COLOURS.decline : COLOURS.growth;
  const sign = !signColours ? "" : mid < 0 ? "decline" : "growth";
  const projected = p.status !== "actual";
  const name = [sign, projected ? "forecast or target" : signColours ? "" : "figure"].filter(Boolean).join(", ");
  return { name: name.charAt(0).toUpperCase() + name.slice(1), colour: projected ? lighter(base) : hex(base) };
}

/**
 * `labels` are the categories in order (a time axis passes every year of its span, so missing years are gaps);
 * each point sits at its own label.
 */
export function nativeBars(
  points: Array<ChartPoint & { at: string }>,
  labels: string[],
  signColours: boolean,
  divisor: number,
): NativeBars {
  const round = (v: number) => Math.round((v / divisor) * 1000) / 1000;
  const slot = new Map(labels.map((l, i) => [l, i]));
  const empty = () => labels.map(() => null as number | null);
  const base: NativeSeries = { name: "(bar start)", labels, values: empty() };
  const fills = new Map<string, { fill: Fill; series: NativeSeries }>();
  const high: NativeSeries = { name: "Figure (or top of its range)", labels, values: empty() };
  const low: NativeSeries = { name: "Bottom of a range", labels, values: empty() };
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
    high.values[i] = b;
    if (a !== b) low.values[i] = a;
  }
  const anyRange = low.values.some((v) => v !== null);
  const marks: string[] = [];
  if (points.some((p) => p.status !== "actual")) marks.push("Lighter bars: forecasts and targets");
  if (anyRange) marks.push("Floating bars: a range, from its low to its high figure");
  if (points.some((p) => p.approximate)) marks.push("Some figures are approximate");
  return {
    stacked: [base, ...[...fills.values()].map((f) => f.series)],
    stackedColours: ["transparent", ...[...fills.values()].map((f) => f.fill.colour)],
    labelled: anyRange ? [high, low] : [high],
    marks,
  };
}
