/** A conflict between sources as the review queue shows it; plain data, safe to import from client code. */

/** One of the figures sources give for the same company, kind, period, unit, market and status. */
export interface ConflictFigure {
  low: number;
  high: number;
  unit: string;
  approximate: boolean;
  /** The newest fact giving it: the one the "Confirm this figure" form names (all that give it are confirmed). */
  factId: number;
  /** How many facts give it, and the newest few of their articles. */
  count: number;
  sources: Array<{ factId: number; articleId: number; articleTitle: string; publishedYear: number | null }>;
}
