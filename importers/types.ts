export const FACT_KINDS = ["revenue", "revenue_change", "stake", "market_share", "sales_volume"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const PERIODS = ["FY", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "9M"] as const;
export type Period = (typeof PERIODS)[number];

export const STATUSES = ["actual", "forecast", "target"] as const;
export type Status = (typeof STATUSES)[number];

export interface PeriodRef {
  year: number | null;
  period: Period | null;
}

/** The period an article is speaking of; a single month ("sold 8,412 cars in April") has no period label. */
export interface Discourse extends PeriodRef {
  oneMonth?: boolean;
}

/** One figure as the extract contract prints it (see the importers issue); extra fields are allowed. */
export interface Fact {
  kind: FactKind;
  company: string;
  counterparty: string | null;
  market: string | null;
  year: number | null;
  period: Period | null;
  low: number;
  high: number;
  unit: string;
  status: Status;
  approximate: boolean;
  comparedTo: PeriodRef | null;
  quote: string;
  /** Offsets of the quoted sentence in the cleaned text. */
  start: number;
  end: number;
  /** Offsets of the figure itself in the cleaned text. */
  figureStart: number;
  figureEnd: number;
  /** Fields the sentence stated outright; every other field was inferred from context. */
  stated: string[];
  /** Surface forms the company and counterparty were written as, for the alias table. */
  aliases: Record<string, string[]>;
  /**
   * The part of the company a revenue or change belongs to ("cloud" for "its cloud division brought in $1.9bn"),
   * filed under the company that owns it; absent for the company's own figures.
   */
  segment?: string | null;
  /** The rule that produced the fact ("table.revenue-row"). */
  rule?: string;
}

export interface ArticleResult {
  path: string;
  title: string;
  publishedYear: number | null;
  publishedYearSource: string | null;
  cleanedText: string;
  sha256: string;
  encoding: string;
  facts: Fact[];
  /** Figures validation turned away (a stake over 100 %, a revenue beyond belief), with the reason. */
  rejected: RejectedFigure[];
  /** With `explain`: the candidates that lost their figure to a more specific rule. */
  explain?: {
    lost: Array<{ rule: string; fact: Fact | null; figureStart: number; lostTo: string }>;
    blocked: Array<{ rule: string; figureStart: number }>;
  };
}

/** A figure validation turned away, and why. */
export interface RejectedFigure extends Pick<Fact, "kind" | "company" | "low" | "high" | "unit" | "quote"> {
  reason: string;
}
