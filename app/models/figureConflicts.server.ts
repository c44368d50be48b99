import { getDb } from "~/db.server";
import { getWriteDb } from "~/writeDb.server";
import { conflictGroup, settleFigure } from "../../db/figureConflicts";
import type { ConflictFigure } from "./conflictTypes";
import { reviewFailure } from "./reviews.server";
import type { ChartPoint } from "./types";

/** Sources listed per figure; the rest are counted. */
const SOURCES_SHOWN = 3;

/**
 * The figures sources give in the conflict of each fact (db/figureConflicts.ts groups them as the queue compares
 * them), the most given first, each with its newest articles: what the review queue shows beside a flagged fact.
 * Facts whose sources agree (settled meanwhile) get no entry.
 */
export function conflictFigures(factIds: number[]): Record<number, ConflictFigure[]> {
  const handle = getDb();
  const article = handle.sqlite.prepare(
    `SELECT f.id AS factId, a.id AS articleId, a.title AS articleTitle, a.published_year AS publishedYear,
       f.unit, f.approximate FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id = ?`,
  );
  const out: Record<number, ConflictFigure[]> = {};
  for (const id of factIds) {
    const byFigure = new Map<string, number[]>();
    // Oldest first, so each figure's list is reversed to put its newest source first.
    for (const f of conflictGroup(handle, id)) {
      const key = `${f.low}|${f.high}`;
      byFigure.set(key, [f.id, ...(byFigure.get(key) ?? [])]);
    }
    if (byFigure.size < 2) continue;
    out[id] = [...byFigure]
      .map(([key, ids]) => {
        const [low, high] = key.split("|").map(Number);
        const sources = ids
          .slice(0, SOURCES_SHOWN)
          .map(
            (factId) =>
              article.get(factId) as ConflictFigure["sources"][number] & { unit: string; approximate: number },
          );
        return {
          low,
          high,
          unit: sources[0].unit,
          approximate: sources.some((s) => s.approximate),
          factId: ids[0],
          count: ids.length,
          sources: sources.map(({ factId, articleId, articleTitle, publishedYear }) => ({
            factId,
            articleId,
            articleTitle,
            publishedYear,
          })),
        };
      })
      .sort((a, b) => b.count - a.count || a.low - b.low);
  }
  return out;
}

/**
 * Settles a conflict by confirming the figure `factId` gives: the other figures of its group are superseded,
 * through the server's write connection, audited (db/figureConflicts.ts).
 */
export function settleFigureConflict(userName: string, factId: number): { confirmed: number[]; superseded: number[] } {
  try {
    return settleFigure(getWriteDb(), factId, userName);
  } catch (err) {
    throw reviewFailure(err);
  }
}

/**
 * The figures each flagged point of a company's charts is in conflict with, keyed by the point's newest source (the
 * fact its Confirm forms are drawn beside): what the company page's tables offer analysts to settle in place.
 * Read from SQLite, as the review queue's are; only analysts' pages ask for them.
 */
export function pointConflicts(points: ChartPoint[]): Record<number, ConflictFigure[]> {
  const ids = points.filter((p) => p.disagreeing > 0 && p.sources.length).map((p) => p.sources[0].factId);
  return ids.length ? conflictFigures(ids) : {};
}

/** The company a fact is filed under, or null when it is gone (rejected, superseded or re-imported meanwhile). */
export function factCompanyId(factId: number): number | null {
  const row = getDb().sqlite.prepare("SELECT company_id AS companyId FROM facts WHERE id = ?").get(factId) as
    | { companyId: number }
    | undefined;
  return row?.companyId ?? null;
}
