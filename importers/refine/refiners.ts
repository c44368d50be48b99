import type { Fact, RejectedFigure } from "../types";

/** Largest believable figures; above them the text was misread or absurd. */
const MAX_MONEY = 5e13;
// Currencies worth a cent or less, whose largest companies take in tens of trillions ("52.8 trillion yen").
const SMALL_UNIT_MONEY = new Set(["JPY", "KRW", "ITL", "IDR", "VND", "TRL", "COP", "CLP", "HUF", "ESP", "PTE", "GRD"]);
const MAX_SMALL_UNIT_MONEY = 2e15;
const MAX_COUNT = 1e11;

/**
 * Why a figure cannot be right (a stake over 100 %, a negative revenue, a figure that is no number), or null when
 * it is believable. Such figures are rejected, never stored: the text was misread or absurd.
 */
export function implausibility(f: Fact): string | null {
  if (!Number.isFinite(f.low) || !Number.isFinite(f.high)) return "the figure is not a finite number";
  if (f.low > f.high) return "the range runs backwards";
  switch (f.kind) {
    case "stake":
    case "market_share":
      if (f.high > 100) return `a ${f.kind === "stake" ? "stake" : "market share"} of ${f.high} % is over 100 %`;
      return f.low > 0 ? null : `a ${f.kind === "stake" ? "stake" : "market share"} of ${f.low} % is not above zero`;
    case "revenue":
      if (f.low <= 0) return "a revenue must be above zero";
      // "known for its $6 chicken bowls": a price; no company's takings are counted in single units.
      if (f.high < 1000) return `a revenue of ${f.high} ${f.unit} is a price, not a company's takings`;
      return f.high < (SMALL_UNIT_MONEY.has(f.unit) ? MAX_SMALL_UNIT_MONEY : MAX_MONEY)
        ? null
        : `a revenue of ${f.high.toExponential(2)} ${f.unit} is beyond any company's`;
    case "revenue_change":
      if (f.low < -100) return `a revenue change of ${f.low} % is a fall of more than everything`;
      if (f.high > 1000) return `a revenue change of ${f.high} % is beyond belief`;
      return f.low === 0 && f.high === 0 ? "a change of zero is no change" : null;
    case "sales_volume":
      if (f.low <= 0) return "a sales volume must be above zero";
      return f.high < MAX_COUNT ? null : `a sales volume of ${f.high.toExponential(2)} is beyond belief`;
  }
}

export function isPlausible(f: Fact): boolean {
  return implausibility(f) === null;
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

/**
 * A stake stated with and without a year is one stake: keep the dated one. The dated stakes are looked up by holder,
 * held and figure rather than searched for each undated one, which was quadratic in an article of many stakes.
 */
export function mergeUndatedStakes(facts: Fact[]): Fact[] {
  // Holder, then held, then the figures dated stakes give them; a Map compares as === does, but for NaN.
  const dated = new Map<string, Map<string | null, Set<number>>>();
  for (const g of facts) {
    if (g.kind !== "stake" || g.year === null) continue;
    const byHeld = dated.get(g.company) ?? new Map<string | null, Set<number>>();
    dated.set(g.company, byHeld);
    const lows = byHeld.get(g.counterparty) ?? new Set<number>();
    byHeld.set(g.counterparty, lows);
    lows.add(g.low);
  }
  return facts.filter(
    (f) =>
      !(f.kind === "stake" && f.year === null) ||
      Number.isNaN(f.low) ||
      !dated.get(f.company)?.get(f.counterparty)?.has(f.low),
  );
}

export function refine(facts: Fact[]): { facts: Fact[]; rejected: RejectedFigure[] } {
  const rejected: RejectedFigure[] = [];
  const plausible = facts.filter((f) => {
    const reason = implausibility(f);
    if (reason)
      rejected.push({
        kind: f.kind,
        company: f.company,
        low: f.low,
        high: f.high,
        unit: f.unit,
        reason,
        quote: f.quote,
      });
    return reason === null;
  });
  return { facts: mergeUndatedStakes(dedupe(withoutPartsOfTotals(plausible))), rejected };
}

const FURTHER_BEFORE = /\b(?:a|an)\s+(?:further|additional)\s+(?:about\s+|some\s+|nearly\s+)?$/i;
const BOUGHT_BEFORE =
  /\b(?:bought|buys|buying|acquired|acquires|purchased)(?:\s+(?:a|an))?\s+(?:about\s+|some\s+|nearly\s+)?$/i;
// ("..., which would give it a 45% holding": the total a deal leaves, said as what it gives.)
const TOTAL_BEFORE =
  /\b(?:to|give\s+(?:it|them)(?:\s+an?)?)\s+(?:about\s+|around\s+|some\s+|nearly\s+|just\s+(?:over|under)\s+)?$/i;
/** "..., taking its holding to 29.9%": the total a purchase or sale came to, said as its consequence. */
const RESULT_BEFORE =
  /\b(?:taking|lifting|raising|bringing|cutting|reducing|increasing|boosting|leaving)\b[^.;%]{0,50}\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|just\s+(?:over|under)\s+)?$/i;

/**
 * "bought a further 4.2%, taking its holding to 29.9%", "bought a 29.9% stake, lifting its holding to 34.9%": the
 * holding is the stake; the shares bought on the way to it are not ("bought 2.1 pct more", with no total said,
 * stays; so does a sale, "sold 9%, cutting its holding to 11%", which the gold keeps as two holdings).
 */
export function withoutPartsOfTotals(facts: Fact[]): Fact[] {
  // Per sentence, where its totals stand: any total after a further purchase, a result after a purchase or sale.
  const totals = new Map<number, Array<{ at: number; result: boolean }>>();
  const before = (f: Fact) => f.quote.slice(Math.max(0, f.figureStart - f.start - 70), f.figureStart - f.start);
  for (const f of facts) {
    if (f.kind !== "stake" || !TOTAL_BEFORE.test(before(f))) continue;
    const list = totals.get(f.start) ?? [];
    list.push({ at: f.figureStart, result: RESULT_BEFORE.test(before(f)) });
    totals.set(f.start, list);
  }
  if (!totals.size) return facts;
  return facts.filter((f) => {
    if (f.kind !== "stake") return true;
    const others = (totals.get(f.start) ?? []).filter((t) => t.at !== f.figureStart);
    const later = others.filter((t) => t.at > f.figureStart);
    // ("now holds 27.4 pct, after buying a further 5.2 pct": a total said before the block is its total too.)
    if (FURTHER_BEFORE.test(before(f))) return others.length === 0;
    if (BOUGHT_BEFORE.test(before(f))) return !later.some((t) => t.result);
    return true;
  });
}
