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
