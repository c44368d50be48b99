import type { Dialect } from "./sql";

/**
 * A segment's figure is kept apart from its company's own (docs/decisions/017): these fragments read
 * `fact_segments` by primary key for a query over facts named `alias`.
 */

/** The fact's segment, or null for the company's own figure. */
export const segmentOf = (alias: string) => `(SELECT s.segment FROM fact_segments s WHERE s.fact_id = ${alias}.id)`;

/** True for the company's own figure, not a segment's. */
export const ownFigure = (alias: string) => `NOT EXISTS (SELECT 1 FROM fact_segments s WHERE s.fact_id = ${alias}.id)`;

/**
 * Facts `g` and `f` give the same figure slot: company, kind, year, period, unit, market, company held and status,
 * and the same segment (a division's revenue is no rival of the group's). What the review queue flags when the
 * values differ and what db/figureConflicts.ts settles. Nulls are equal: SQLite's `IS`, PostgreSQL's
 * `IS NOT DISTINCT FROM`.
 */
export const sameFigureSlot = (d: Dialect) => {
  const is = d === "sqlite" ? "IS" : "IS NOT DISTINCT FROM";
  return `g.company_id = f.company_id AND g.kind = f.kind AND g.year ${is} f.year
  AND g.period ${is} f.period AND g.unit = f.unit AND g.market ${is} f.market
  AND g.counterparty_id ${is} f.counterparty_id AND g.status = f.status AND ${segmentOf("g")} ${is} ${segmentOf("f")}`;
};
