import { getSql, untilDataChanges } from "~/db.server";
import { indexedBy, nullsAsSqlite } from "../../db/dialect";
import { ownFigure } from "../../db/segments";
import { companySummaries } from "./companies.server";
import { FACT_VIEW_SELECT, toFactView } from "./facts.server";
import { SOURCES_LISTED, sameFigureSources, sourcesOf } from "./figures.server";
import { baseWords, PERIOD_TYPES, type PeriodType, timeLabel, timeOf } from "./timeAxis";
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
  /** The kinds of period at least one of these companies reports a change for, for the page's selector. */
  available: PeriodType[];
  points: ChartPoint[];
}

/**
 * The latest revenue change of each of the most reported companies, of one kind of period only, so a nine-month
 * figure is never ranked against a quarter's: the kind asked for, else the kind most of them report (full years on
 * a tie).
 */
export function latestRevenueChanges(limit = 20, asked?: PeriodType): Promise<LatestChanges> {
  return untilDataChanges(`latestRevenueChanges:${limit}:${asked ?? ""}`, () => findLatestRevenueChanges(limit, asked));
}

/**
 * The most reported companies' latest change of each kind of period (fact ids), shared by every kind the page may
 * ask for: the selector needs all four to mark the kinds nobody reports.
 */
function latestIdsByType(): Promise<Array<readonly [PeriodType, number[]]>> {
  return untilDataChanges("latestRevenueChangeIds", async () => {
    // One indexed lookup each, not a scan of every change. Within a year the later period wins (Q3 over Q2: the
    // codes of one kind sort in time), whichever was imported last.
    const sql = await getSql();
    const companies = (await companySummaries(100)).filter((c) => c.byKind.revenue_change > 0);
    const byType: Array<readonly [PeriodType, number[]]> = [];
    for (const type of PERIOD_TYPES) {
      const latest = `SELECT id FROM facts ${indexedBy(sql.dialect, "facts_company_chart_idx")} WHERE company_id = ?
         AND kind = 'revenue_change' AND ${PERIOD_SQL[type]}
         AND ${ownFigure("facts")}
         ORDER BY year IS NULL, year DESC, period DESC${nullsAsSqlite(sql.dialect, "DESC")}, id DESC LIMIT 1`;
      const ids: number[] = [];
      for (const c of companies) {
        const row = await sql.get<{ id: number }>(latest, [c.id]);
        if (row) ids.push(row.id);
      }
      byType.push([type, ids] as const);
    }
    return byType;
  });
}

async function findLatestRevenueChanges(limit: number, asked: PeriodType | undefined): Promise<LatestChanges> {
  const sql = await getSql();
  const byType = await latestIdsByType();
  const available = byType.filter(([, ids]) => ids.length > 0).map(([type]) => type);
  // Most companies first; PERIOD_TYPES starts with full years, and the sort keeps that order on a tie.
  const [periods, ids] = asked
    ? byType.find(([type]) => type === asked)!
    : [...byType].sort((a, b) => b[1].length - a[1].length)[0];
  if (!ids.length) return { periods: asked ?? "year", available, points: [] };
  // The id breaks ties, so both backends list equal changes in the same order.
  const rows = await sql.all<FactView>(
    `${FACT_VIEW_SELECT} WHERE f.id IN (${ids.map(() => "?").join(",")}) ORDER BY (f.low + f.high) / 2 ASC, f.id LIMIT ?`,
    [...ids, limit],
  );
  const facts = rows.map(toFactView);
  const keys = new Map(
    (
      await sql.all<{ id: number; companyId: number; counterpartyId: number | null }>(
        `SELECT id, company_id AS "companyId", counterparty_id AS "counterpartyId" FROM facts
         WHERE id IN (${ids.map(() => "?").join(",")})`,
        ids,
      )
    ).map((r) => [r.id, r]),
  );
  // Every source of each company's figure, not only the fact picked: the newest ten and the count, as /stakes lists.
  const given = await sameFigureSources(
    facts.map((f) => ({
      id: f.id,
      kind: f.kind,
      companyId: keys.get(f.id)!.companyId,
      counterpartyId: keys.get(f.id)!.counterpartyId,
      unit: f.unit,
      year: f.year,
      period: f.period,
      market: f.market,
      status: f.status,
      low: f.low,
      high: f.high,
    })),
    SOURCES_LISTED,
  );
  const sources = await sourcesOf([...given.values()].flatMap((g) => g.ids));
  // Each company's latest period may differ (one's 2009, another's 2004): the bar says which, unless all share it.
  const when = (f: (typeof facts)[number]) =>
    f.year === null
      ? `${f.period && f.period !== "FY" ? `${f.period}, ` : ""}year unknown`
      : timeLabel(timeOf(f.year, f.period), periods);
  const samePeriod = new Set(facts.map(when)).size === 1;
  const points = facts.map((f) => ({
    label: samePeriod ? f.company : `${f.company}, ${when(f)}`,
    year: f.year,
    period: f.period,
    low: f.low,
    high: f.high,
    unit: "percent",
    status: f.status,
    approximate: f.approximate,
    note: [when(f), baseWords(f.comparedYear, f.comparedPeriod)].filter(Boolean).join(" "),
    sources: (given.get(f.id)?.ids ?? []).flatMap((id) => sources.get(id) ?? []),
    sourceCount: given.get(f.id)?.count ?? 1,
    disagreeing: given.get(f.id)?.disagreeing ?? 0,
    settleHref: `/review?kind=revenue_change&company=${encodeURIComponent(f.companySlug)}`,
  }));
  return { periods, available, points };
}
