/** Shapes the models hand to routes and charts; plain data, safe to import from client code. */

export const FACT_KINDS = ["revenue", "revenue_change", "stake", "market_share", "sales_volume"] as const;
export const STATUSES = ["actual", "forecast", "target"] as const;
/** Columns the facts table sorts by. */
export const FACT_SORTS = ["year", "company", "kind", "value", "article"] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export type FactStatus = (typeof STATUSES)[number];
export type FactSort = (typeof FACT_SORTS)[number];

/** What a fact says: whose figure, of what, for when, how much and how sure. */
export interface FactFigure {
  kind: FactKind;
  company: string;
  counterparty: string | null;
  market: string | null;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  status: FactStatus;
  approximate: boolean;
}

/** One stored fact with the names and source it needs to be shown and traced. */
export interface FactView extends FactFigure {
  id: number;
  articleId: number;
  articleTitle: string;
  publishedYear: number | null;
  companySlug: string;
  counterpartySlug: string | null;
  comparedYear: number | null;
  comparedPeriod: string | null;
  quote: string;
  /** Set when an analyst confirmed, corrected or added the fact (CheckedMark shows it). */
  checked?: CheckedState | null;
  /** The part of the company the figure is of ("cloud"): such a figure is not the company's own total. */
  segment?: string | null;
}

/** Where a figure came from: enough to quote it and link to the highlighted sentence. */
export interface Source {
  factId: number;
  articleId: number;
  articleTitle: string;
  publishedYear: number | null;
  quote: string;
  /** Set when an analyst confirmed, corrected or added this fact. */
  checked?: CheckedState | null;
}

/** The review states in which a person vouches for a fact (docs/decisions/010); `machine` and `rejected` do not. */
export type CheckedState = "confirmed" | "corrected" | "added";

/** One bar or point of a chart: a figure (a range when low < high) with its sources. */
export interface ChartPoint {
  label: string;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  status: FactStatus;
  approximate: boolean;
  /** Free text shown under the figure in the tooltip ("vs 2007", "Russia, target for 2013"). */
  note: string | null;
  /** The period a change is measured against ("2007", "Q3 2007"); absent for levels. */
  base?: string | null;
  /** Where the figure sits on its period type's time axis (models/timeAxis.ts); absent off a time axis. */
  t?: number | null;
  /** Where its base sits on that axis, when the base is a period of the same kind. */
  baseAt?: number | null;
  /** A change against the period before (or, for a full year, no stated base): one step of a line. */
  chained?: boolean;
  /** Up to three of the facts that give this figure, newest first. */
  sources: Source[];
  /** How many facts give this figure (the sources shown are the newest of them). */
  sourceCount: number;
  /** How many facts give another figure for the same period and status. */
  disagreeing: number;
  /**
   * Where an analyst settles a figure whose sources disagree (the review queue of its company and kind), when a
   * chart mixes companies; a chart of one company's figures passes one link to its table instead.
   */
  settleHref?: string;
}

/** The link to a fact's sentence, highlighted in its article. */
export const sourceHref = (s: Pick<Source, "articleId" | "factId">) => `/articles/${s.articleId}#fact-${s.factId}`;

/**
 * The sources a drawn chart reads of a figure's: the newest (its point's link and tooltip) and the first a person
 * checked (its check mark). A page whose table and sources views are drawn on demand sends only these to the
 * browser (docs/decisions/039); the chart is drawn the same from them as from the full list.
 */
export function drawnSources<S extends Source>(sources: S[]): S[] {
  const checked = sources.find((s) => s.checked);
  return checked && checked !== sources[0] ? [sources[0], checked] : sources.slice(0, 1);
}
