import { getDb, untilDataChanges } from "~/db.server";
import { companySummaries } from "./companies.server";
import { FACT_VIEW_SELECT, sourceOf, toFactView } from "./facts.server";
import { PERIOD_TYPES, type PeriodType } from "./timeAxis";
import type { ChartPoint, FactView } from "./types";

/** The stored period codes of each kind of period (null: a full year stored without one). */
const PERIOD_SQL: Record<PeriodType, string> = {
  year: "(period IS NULL OR period = 'FY')",
  half: "period IN ('H1', 'H2')",
  quarter: "period IN ('Q1', 'Q2', 'Q3', 'Q4')",
  "nine-months": "period = '9M'",
};

/** The home page's chart: one kind of period, and each company's latest change of that kind, as bars. */
export interface LatestChanges {
  periods: PeriodType;
  points: ChartPoint[];
}

/**
 * The latest revenue change of each of the most reported companies, of one kind of period only: the kind most of
 * them report (full years on a tie), so a nine-month figure is never ranked against a quarter's.
 */
export function latestRevenueChanges(limit = 20): LatestChanges {
  return untilDataChanges(`latestRevenueChanges:${limit}`, () => findLatestRevenueChanges(limit));
}

function findLatestRevenueChanges(limit: number): LatestChanges {
  // The most reported companies' latest change of each kind: one indexed lookup each, not a scan of every change.
  const db = getDb().sqlite;
  const latest = Object.fromEntries(
    PERIOD_TYPES.map((type) => [
      type,
      db.prepare(
        `SELECT id FROM facts INDEXED BY facts_company_chart_idx WHERE company_id = ? AND kind = 'revenue_change'
         AND ${PERIOD_SQL[type]} ORDER BY year IS NULL, year DESC, id DESC LIMIT 1`,
      ),
    ]),
  ) as Record<PeriodType, ReturnType<typeof db.prepare>>;
  const companies = companySummaries(100).filter((c) => c.byKind.revenue_change > 0);
  const idsOf = (type: PeriodType) =>
    companies.flatMap((c) => (latest[type].get(c.id) as { id: number } | undefined)?.id ?? []);
  const byType = PERIOD_TYPES.map((type) => [type, idsOf(type)] as const);
  // Most companies first; PERIOD_TYPES starts with full years, and the sort keeps that order on a tie.
  const [periods, ids] = [...byType].sort((a, b) => b[1].length - a[1].length)[0];
  if (!ids.length) return { periods: "year", points: [] };
  const rows = db
    .prepare(
      `${FACT_VIEW_SELECT} WHERE f.id IN (${ids.map(() => "?").join(",")}) ORDER BY (f.low + f.high) / 2 ASC LIMIT ?`,
    )
    .all(...ids, limit) as FactView[];
  const points = rows.map(toFactView).map((f) => ({
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
  return { periods, points };
}
