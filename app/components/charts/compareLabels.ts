import type { CompareChart, ComparePoint } from "~/models/compare.server";
import { formatFigure, oneLine } from "~/utils/format";
import { charWidth } from "./layout";

export type LabelPlace = "above" | "below";

/** A point's figure as written beside it: an index as its number, else as the page writes figures ("€40.68 bn"). */
export const pointText = (chart: CompareChart, p: ComparePoint) =>
  oneLine(chart.unit === "index" ? String(Math.round(p.value * 10) / 10) : formatFigure({ ...p, unit: chart.unit }));

/** The key of a point in labelPlaces' answer. */
export const placeKey = (slug: string, t: number) => `${slug} ${t}`;

/** The plot's size and where a value is drawn in it, for labelPlaces. */
export interface PlotBox {
  width: number;
  height: number;
  /** Pixels from the plot's top edge to a value. */
  y: (value: number) => number;
}

/**
 * Which points of a comparison have their figure written beside them, and on which side, computed from the sizes
 * alone (the server and the browser draw the same): every point when there are at most two companies and the
 * longest figure fits in a period's share of the width; else each company's latest point only (the table, the
 * tooltips and the point's spoken name give every figure). Where two figures share a period the higher is written
 * above its point and the lower below it, so they never meet; a third is left to the table. A change against an
 * earlier base is labelled "vs 2007" above, so its figure goes below. A figure with no room below its point (at
 * the foot of the plot, over the axis's labels) is written above it, unless another figure is written there.
 */
export function labelPlaces(chart: CompareChart, plot: PlotBox, fontSize: number): Map<string, LabelPlace> {
  const points = chart.rows.flatMap((r) =>
    chart.companies.flatMap((c) => (r.points[c.slug] ? [{ slug: c.slug, t: r.t, p: r.points[c.slug] }] : [])),
  );
  const longest = Math.max(0, ...points.map(({ p }) => pointText(chart, p).length));
  const room = plot.width / Math.max(1, chart.rows.length);
  const all = chart.companies.length <= 2 && (longest + 1) * charWidth(fontSize) <= room;
  const latest = new Map<string, number>();
  for (const { slug, t } of points) latest.set(slug, Math.max(t, latest.get(slug) ?? t));
  const shown = all ? points : points.filter(({ slug, t }) => latest.get(slug) === t);
  // Below a range's low end, where its figure would be written.
  const fitsBelow = (p: ComparePoint) =>
    plot.y(chart.unit === "index" ? p.value : p.low) + fontSize * 1.8 <= plot.height;
  const places = new Map<string, LabelPlace>();
  for (const row of chart.rows) {
    const here = shown.filter((s) => s.t === row.t);
    const apart = here.filter((s) => !s.p.chained);
    const onLines = here.filter((s) => s.p.chained).sort((a, b) => b.p.value - a.p.value);
    const wanted = [
      ...onLines.slice(0, 2).map((s, i) => ({ ...s, place: (i === 0 ? "above" : "below") as LabelPlace })),
      ...apart.map((s) => ({ ...s, place: "below" as LabelPlace })),
    ];
    for (const w of wanted) {
      const taken = (place: LabelPlace) => wanted.some((o) => o !== w && o.place === place);
      const place = w.place === "below" && !fitsBelow(w.p) ? (taken("above") ? null : "above") : w.place;
      if (place) places.set(placeKey(w.slug, w.t), place);
    }
  }
  return places;
}
