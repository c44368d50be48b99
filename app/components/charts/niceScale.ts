/**
 * A value axis that includes zero and ends on round numbers (1, 2 or 5 times a power of ten): bars start at zero,
 * and ticks read "0, 15 bn, 30 bn" rather than the data's own extremes.
 */
export function niceScale(values: number[], tickCount = 5): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (lo === hi) return { domain: [0, 1], ticks: [0, 1] };
  const raw = (hi - lo) / (tickCount - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { domain: [start, end], ticks };
}

/**
 * A bar chart's value axis: from zero, round ends, and an eighth of the span more beyond each end that has bars, so
 * a figure written past the longest bar stays inside the chart. The page's bars and the PowerPoint's native ones
 * both use it, so a slide's axis is the page's.
 */
export function barScale(values: number[]): { domain: [number, number]; ticks: number[] } {
  const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
  const pad = (hi - lo) / 8;
  return niceScale([...values, lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0]);
}

/**
 * Whether positive figures span two orders of magnitude or more (the largest a hundred times the smallest): on a
 * linear axis the small ones would lie flat on zero, so comparisons draw them on a logarithmic one.
 */
export function wantsLogScale(values: number[]): boolean {
  if (!values.length || values.some((v) => !(v > 0))) return false;
  return Math.max(...values) / Math.min(...values) >= 100;
}

/** A logarithmic value axis from the power of ten below the smallest figure to the one above the largest. */
export function niceLogScale(values: number[]): { domain: [number, number]; ticks: number[] } {
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values))));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) ticks.push(Number((10 ** e).toPrecision(12)));
  return { domain: [ticks[0], ticks.at(-1)!], ticks };
}
