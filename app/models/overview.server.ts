import { getDb } from "~/db.server";
import { FACT_VIEW_SELECT, sourceOf, toFactView } from "./facts.server";
import type { ChartPoint, FactView } from "./types";

/** Each company's most recent revenue change, as bars labelled by company, for the overview's headline chart. */
export function latestRevenueChanges(limit = 20): ChartPoint[] {
  const rows = getDb()
    .sqlite.prepare(
      `${FACT_VIEW_SELECT} WHERE f.kind = 'revenue_change' AND f.id = (
         SELECT f2.id FROM facts f2 WHERE f2.company_id = f.company_id AND f2.kind = 'revenue_change'
         ORDER BY coalesce(f2.year, 0) DESC, f2.id DESC LIMIT 1)
       ORDER BY (f.low + f.high) / 2 ASC LIMIT ?`,
    )
    .all(limit) as FactView[];
  return rows.map(toFactView).map((f) => ({
    label: f.company,
    year: f.year,
    period: f.period,
    low: f.low,
    high: f.high,
    unit: "percent",
    status: f.status,
    approximate: f.approximate,
    note: [
      f.year !== null ? `${f.period && f.period !== "FY" ? `${f.period} ` : ""}${f.year}` : null,
      f.comparedYear !== null ? `vs ${f.comparedYear}` : null,
    ]
      .filter(Boolean)
      .join(" "),
    sources: [sourceOf(f)],
    sourceCount: 1,
    disagreeing: 0,
  }));
}
