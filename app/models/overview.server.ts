import { getSql, untilDataChanges } from "~/db.server";
import { indexedBy } from "../../db/dialect";
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
export function latestRevenueChanges(limit = 20): Promise<LatestChanges> {
  return untilDataChanges(`latestRevenueChanges:${limit}`, () => findLatestRevenueChanges(limit));
}

async function findLatestRevenueChanges(limit: number): Promise<LatestChanges> {
  // The most reported companies' latest change of each kind: one indexed lookup each, not a scan of every change.
  const sql = await getSql();
  const latest = (type: PeriodType) =>
    `SELECT id FROM facts ${indexedBy(sql.dialect, "facts_company_chart_idx")} WHERE company_id = ?
       AND kind = 'revenue_change' AND ${PERIOD_SQL[type]} ORDER BY year IS NULL, year DESC, id DESC LIMIT 1`;
  const companies = (await companySummaries(100)).filter((c) => c.byKind.revenue_change > 0);
  const byType: Array<readonly [PeriodType, number[]]> = [];
  for (const type of PERIOD_TYPES) {
    const ids: number[] = [];
    for (const c of companies) {
      const row = await sql.get<{ id: number }>(latest(type), [c.id]);
      if (row) ids.push(row.id);
    }
    byType.push([type, ids]);
  }
  // Most companies first; PERIOD_TYPES starts with full years, and the sort keeps that order on a tie.
  const [periods, ids] = [...byType].sort((a, b) => b[1].length - a[1].length)[0];
  if (!ids.length) return { periods: "year", points: [] };
  // The id breaks ties, so both backends list equal changes in the same order.
  const rows = await sql.all<FactView>(
    `${FACT_VIEW_SELECT} WHERE f.id IN (${ids.map(() => "?").join(",")}) ORDER BY (f.low + f.high) / 2 ASC, f.id LIMIT ?`,
    [...ids, limit],
  );
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
