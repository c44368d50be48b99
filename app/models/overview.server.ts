import { getDb, untilDataChanges } from "~/db.server";
import { companySummaries } from "./companies.server";
import { FACT_VIEW_SELECT, sourceOf, toFactView } from "./facts.server";
import type { ChartPoint, FactView } from "./types";

/** The latest revenue change of each of the most reported companies, as bars labelled by company. */
export function latestRevenueChanges(limit = 20): ChartPoint[] {
  return untilDataChanges(`latestRevenueChanges:${limit}`, () => findLatestRevenueChanges(limit));
}

function findLatestRevenueChanges(limit: number): ChartPoint[] {
  // The most reported companies' latest changes: one indexed lookup each, not a scan of every change.
  const db = getDb().sqlite;
  const latest = db.prepare(
    `SELECT id FROM facts INDEXED BY facts_company_chart_idx WHERE company_id = ? AND kind = 'revenue_change'
     ORDER BY year IS NULL, year DESC, id DESC LIMIT 1`,
  );
  const ids = companySummaries(100)
    .filter((c) => c.byKind.revenue_change > 0)
    .flatMap((c) => (latest.get(c.id) as { id: number } | undefined)?.id ?? []);
  if (!ids.length) return [];
  const rows = db
    .prepare(
      `${FACT_VIEW_SELECT} WHERE f.id IN (${ids.map(() => "?").join(",")}) ORDER BY (f.low + f.high) / 2 ASC LIMIT ?`,
    )
    .all(...ids, limit) as FactView[];
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
