import type { Fact } from "../types";

/** Largest believable figures; above them the text was misread or absurd. */
const MAX_MONEY = 5e13;
const MAX_COUNT = 1e11;

/** Drops figures no real article would state: stakes over 100 %, negative revenues, NaN. */
export function isPlausible(f: Fact): boolean {
  if (!Number.isFinite(f.low) || !Number.isFinite(f.high) || f.low > f.high) return false;
  switch (f.kind) {
    case "stake":
    case "market_share":
      return f.low > 0 && f.high <= 100;
    case "revenue":
      return f.low > 0 && f.high < MAX_MONEY;
    case "revenue_change":
      return f.low >= -100 && f.high <= 1000 && !(f.low === 0 && f.high === 0);
    case "sales_volume":
      return f.low > 0 && f.high < MAX_COUNT;
  }
}

const identity = (f: Fact) =>
  [f.kind, f.company, f.counterparty, f.market, f.year, f.period, f.low, f.high, f.unit].join("|");

/** One fact per figure: a figure repeated in the headline or a later paragraph is kept where first said. */
export function dedupe(facts: Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of facts) {
    const key = identity(f);
    const prior = seen.get(key);
    if (!prior) seen.set(key, f);
    else prior.approximate &&= f.approximate;
  }
  return [...seen.values()];
}

/** A stake stated with and without a year is one stake: keep the dated one. */
export function mergeUndatedStakes(facts: Fact[]): Fact[] {
  return facts.filter(
    (f) =>
      !(f.kind === "stake" && f.year === null) ||
      !facts.some(
        (g) =>
          g !== f &&
          g.kind === "stake" &&
          g.company === f.company &&
          g.counterparty === f.counterparty &&
          g.low === f.low &&
          g.year !== null,
      ),
  );
}

export function refine(facts: Fact[]): Fact[] {
  return mergeUndatedStakes(dedupe(facts.filter(isPlausible)));
}
