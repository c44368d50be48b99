import { VOLUME_UNITS } from "../lexicons/units";
import { nameKey } from "../recognise/companies";
import { FACT_KINDS, type FactKind } from "../types";

/** The fields of a fact that gold annotations hold. */
export interface GoldFact {
  kind: FactKind;
  company: string;
  counterparty: string | null;
  market: string | null;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  status: string;
  approximate: boolean;
  comparedTo: { year: number | null; period: string | null } | null;
  /** A segment's figure names the segment; absent (or null) for the company's own. */
  segment?: string | null;
}

/** The names of those fields, for code that copies or compares them. */
export const GOLD_FIELDS = [
  "kind",
  "company",
  "counterparty",
  "market",
  "year",
  "period",
  "low",
  "high",
  "unit",
  "status",
  "approximate",
  "comparedTo",
] as const satisfies readonly (keyof GoldFact)[];

/** A fact cut down to the fields gold holds. */
export function goldFields(f: GoldFact): GoldFact {
  const fields = Object.fromEntries(GOLD_FIELDS.map((k) => [k, f[k]])) as unknown as GoldFact;
  return f.segment ? { ...fields, segment: f.segment } : fields;
}

export interface GoldArticle {
  file: string;
  publishedYear: number | null;
  facts: GoldFact[];
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;

/**
 * Things counted compare by their class ("cars" and "trucks" are vehicles), as the extractor stores them; a known
 * noun with words before it is of the noun's class ("heavy trucks", "digital cameras": decision 003).
 */
function unitKey(unit: string): string {
  // "tonnes of coal", "cases of whisky": a measure of a thing is keyed by the measure, as "tonnes" is.
  const lower = unit.toLowerCase().replace(/\s+of\s+.*$/, "");
  return VOLUME_UNITS[lower] ?? VOLUME_UNITS[lower.split(/[\s-]+/).at(-1)!] ?? lower;
}

/**
 * Joint subjects match whatever order their names come in; a leading "the" is no part of a name ("the Ostrel
 * family" as the gold README writes a family, "Ostrel family" as the extractor stores it).
 */
const companyKey = (name: string | null) =>
  name === null
    ? ""
    : name
        .split(" + ")
        .map((n) => nameKey(n.replace(/^the\s+/i, "")))
        .sort()
        .join("+");

/**
 * A predicted fact matches a gold fact when kind, company (and the held company of a stake), figure, unit,
 * year and period agree. Status, approximation, market and base are scored separately on the matches.
 */
export function factsMatch(p: GoldFact, g: GoldFact): boolean {
  return (
    p.kind === g.kind &&
    companyKey(p.company) === companyKey(g.company) &&
    (p.kind !== "stake" || companyKey(p.counterparty) === companyKey(g.counterparty)) &&
    close(p.low, g.low) &&
    close(p.high, g.high) &&
    unitKey(p.unit) === unitKey(g.unit) &&
    p.year === g.year &&
    (p.period ?? null) === (g.period ?? null)
  );
}

export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  byKind: Record<FactKind, KindScore>;
  total: KindScore;
  statusAgree: number;
  approximateAgree: number;
  matched: number;
  /** Matched facts the gold files under a segment, and how many of them the extractor marked as one. */
  segmentGold: number;
  segmentFound: number;
  /** Matched facts the extractor marked as a segment's that the gold gives as the company's own. */
  segmentWrong: number;
  publishedYearAgree: number;
  publishedYearTotal: number;
  misses: Array<{ file: string; fact: GoldFact }>;
  extras: Array<{ file: string; fact: GoldFact }>;
}

export function emptyScore(): Score {
  return {
    byKind: Object.fromEntries(FACT_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<FactKind, KindScore>,
    total: { tp: 0, fp: 0, fn: 0 },
    statusAgree: 0,
    approximateAgree: 0,
    matched: 0,
    segmentGold: 0,
    segmentFound: 0,
    segmentWrong: 0,
    publishedYearAgree: 0,
    publishedYearTotal: 0,
    misses: [],
    extras: [],
  };
}

/** Adds one article's predictions to the running score (greedy one-to-one matching). */
export function scoreArticle(
  score: Score,
  gold: GoldArticle,
  predicted: GoldFact[],
  predictedYear: number | null,
): void {
  const unmatched = [...gold.facts];
  for (const p of predicted) {
    const i = unmatched.findIndex((g) => factsMatch(p, g));
    const k = score.byKind[p.kind];
    if (i >= 0) {
      const g = unmatched.splice(i, 1)[0];
      k.tp++;
      score.total.tp++;
      score.matched++;
      if (g.status === p.status) score.statusAgree++;
      if (Boolean(g.approximate) === Boolean(p.approximate)) score.approximateAgree++;
      if (g.segment) score.segmentGold++;
      if (g.segment && p.segment) score.segmentFound++;
      if (!g.segment && p.segment) score.segmentWrong++;
    } else {
      k.fp++;
      score.total.fp++;
      score.extras.push({ file: gold.file, fact: p });
    }
  }
  for (const g of unmatched) {
    score.byKind[g.kind].fn++;
    score.total.fn++;
    score.misses.push({ file: gold.file, fact: g });
  }
  if (gold.publishedYear !== null) {
    score.publishedYearTotal++;
    if (gold.publishedYear === predictedYear) score.publishedYearAgree++;
  }
}

export function prf(k: KindScore): { precision: number; recall: number; f1: number } {
  const precision = k.tp + k.fp ? k.tp / (k.tp + k.fp) : 1;
  const recall = k.tp + k.fn ? k.tp / (k.tp + k.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
