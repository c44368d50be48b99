import { untilDataChanges } from "~/db.server";
import { byLargestDecline, type Decline } from "./declines";
import {
  companyNames,
  type LeanFact,
  leanRevenueChanges,
  pickPerGroup,
  SOURCES_LISTED,
  sourcesOf,
  withNewestIds,
} from "./figures.server";
import { baseWords, PERIOD_TYPES, type PeriodType, timeLabel, timeOf } from "./timeAxis";
import type { FactStatus } from "./types";

export type { Decline } from "./declines";

/** The stored period codes of each kind of period (null: a full year stored without one). */
const PERIOD_CODES: Record<PeriodType, Array<string | null>> = {
  year: [null, "FY"],
  half: ["H1", "H2"],
  quarter: ["Q1", "Q2", "Q3", "Q4"],
  "nine-months": ["9M"],
};

/** Rows the table lists, for one year or for all of them. */
export const MAX_DECLINES = 50;

interface Candidate {
  fact: LeanFact;
  count: number;
  value: number;
}

const STATUS_RANK: Record<FactStatus, number> = { actual: 0, forecast: 1, target: 2 };

/** The order of byLargestDecline, with the company's id standing in for its name (names are read later). */
const byValue = (a: Candidate, b: Candidate) =>
  a.value - b.value ||
  a.fact.low - b.fact.low ||
  STATUS_RANK[a.fact.status] - STATUS_RANK[b.fact.status] ||
  a.fact.companyId - b.fact.companyId ||
  (b.fact.year ?? 0) - (a.fact.year ?? 0);

/**
 * Each company's decline per period of one kind (the figure a chart would draw for it: actual over forecast, the
 * one most sources give), the largest of each year and of all years; kept until the data changes, since it reads
 * every revenue change there is. Only the top of each list is kept, not every decline.
 */
function declinesOfType(periods: PeriodType): Promise<{ years: number[]; top: Map<string, Candidate[]> }> {
  return untilDataChanges(`declines:${periods}`, async () => {
    const picked = pickPerGroup(
      await leanRevenueChanges(PERIOD_CODES[periods]),
      (f) => `${f.companyId}|${f.year}|${f.period ?? "FY"}`,
    );
    const top = new Map<string, Candidate[]>();
    for (const p of picked) {
      const value = (p.fact.low + p.fact.high) / 2;
      if (value >= 0) continue;
      for (const key of ["all", String(p.fact.year)]) {
        const list = top.get(key) ?? [];
        list.push({ fact: p.fact, count: p.count, value });
        top.set(key, list);
      }
    }
    for (const [key, list] of top) top.set(key, list.sort(byValue).slice(0, MAX_DECLINES));
    const years = [...top.keys()]
      .filter((k) => k !== "all")
      .map(Number)
      .sort((a, b) => b - a);
    return { years, top };
  });
}

export interface DeclinesPage {
  periods: PeriodType;
  year: number | null;
  /** Years with at least one decline of this kind of period, newest first, for the year selector. */
  years: number[];
  /** The kinds of period with at least one decline, for the period selector (the others are marked "(none)"). */
  available: PeriodType[];
  rows: Decline[];
}

/** The largest revenue declines of one kind of period, in one year or in all of them, largest first. */
export async function largestDeclines(periods: PeriodType, year?: number): Promise<DeclinesPage> {
  const { years, top } = await declinesOfType(periods);
  // Each kind's list is kept until the data changes, so asking all four costs their first reading only.
  const available: PeriodType[] = [];
  for (const type of PERIOD_TYPES) if ((await declinesOfType(type)).years.length) available.push(type);
  const candidates = top.get(year === undefined ? "all" : String(year)) ?? [];
  const names = await companyNames(candidates.map((c) => c.fact.companyId));
  // Every source of each figure, as the stakes table lists them: the newest ten, a checked one kept among them.
  const picked = await withNewestIds(
    candidates.map((c) => ({ fact: c.fact, count: c.count, ids: [c.fact.id], disagreeing: 0 })),
    SOURCES_LISTED,
  );
  const sources = await sourcesOf(picked.flatMap((p) => p.ids));
  const rows = candidates.map((c, i): Decline => {
    const f = c.fact;
    const who = names.get(f.companyId);
    return {
      company: who?.name ?? "",
      slug: who?.slug ?? "",
      year: f.year!,
      period: f.period,
      label: timeLabel(timeOf(f.year!, f.period), periods),
      low: f.low,
      high: f.high,
      value: c.value,
      status: f.status,
      approximate: Boolean(f.approximate),
      base: baseWords(f.comparedYear, f.comparedPeriod)?.replace(/^vs /, "") ?? null,
      sourceCount: c.count,
      sources: picked[i].ids.flatMap((id) => sources.get(id) ?? []),
    };
  });
  return { periods, year: year ?? null, years, available, rows: rows.sort(byLargestDecline) };
}
