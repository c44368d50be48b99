/** Shapes of the review queue and the audit trail; plain data, safe to import from client code. */
import type { FactFigure, FactKind } from "./types";

export const PERIODS = ["FY", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "9M"] as const;

/** Why a fact is put before others in the queue. */
export type Doubt = "conflict" | "self-stake" | "inferred-year" | "approximate" | "range";

export const DOUBT_WORDS: Record<Doubt, string> = {
  conflict: "another source gives another figure",
  "self-stake": "the holder is the company held (two names merged?)",
  "inferred-year": "year inferred, not stated",
  approximate: "hedged figure",
  range: "a range",
};

export interface ReviewItem extends FactFigure {
  id: number;
  articleId: number;
  articleTitle: string;
  /** The sentence with a little of the text around it, cut so the figure can be shown in bold. */
  before: string;
  sentenceBefore: string;
  figure: string;
  sentenceAfter: string;
  after: string;
  doubts: Doubt[];
}

export interface UnmatchedReview {
  id: number;
  articlePath: string;
  articleId: number | null;
  state: string;
  kind: string;
  company: string;
  quote: string;
  userName: string;
  updatedAt: string;
}

export interface RejectedFact {
  /** The review's number, which the restore form sends. */
  id: number;
  articleId: number | null;
  kind: FactKind;
  company: string;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  approximate: boolean;
  /** "superseded": another source's figure was confirmed over it (a conflict settled). */
  state: "rejected" | "superseded";
  /** The figure confirmed over a superseded fact. */
  supersededBy: { low: number; high: number } | null;
  userName: string;
  updatedAt: string;
}

export interface AuditRow {
  id: number;
  at: string;
  userName: string;
  action: string;
  subject: string;
  /** Links the subject to its article when it names one. */
  articleId: number | null;
  changes: Array<{ field: string; before: string; after: string }>;
  /** A company merge or removal that can still be undone (its undo data kept, not undone yet). */
  undoable?: boolean;
}
