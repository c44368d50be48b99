import { makeRandom } from "../../importers/bench/corpusGen";

export type Rand = () => number;
export { makeRandom };

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const between = (r: Rand, lo: number, hi: number): number => lo + r() * (hi - lo);
export const round = (v: number, places: number): number => Math.round(v * 10 ** places) / 10 ** places;

/** Picks a key with probability proportional to its weight. */
export function weighted<K extends string>(r: Rand, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  let x = r() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return entries[entries.length - 1][0];
}
