import { getSql } from "~/db.server";
import { getWriteSql } from "~/writeDb.server";
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
export async function conflictFigures(factIds: number[]): Promise<Record<number, ConflictFigure[]>> {
  const sql = await getSql();
  const article = async (factId: number) =>
    (await sql.get<ConflictFigure["sources"][number] & { unit: string; approximate: number | boolean }>(
      `SELECT f.id AS "factId", a.id AS "articleId", a.title AS "articleTitle", a.published_year AS "publishedYear",
         f.unit, f.approximate FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id = ?`,
      [factId],
    ))!;
  const out: Record<number, ConflictFigure[]> = {};
  for (const id of factIds) {
    const byFigure = new Map<string, number[]>();
    // Oldest first, so each figure's list is reversed to put its newest source first.
    for (const f of await conflictGroup(sql, id)) {
      const key = `${f.low}|${f.high}`;
      byFigure.set(key, [f.id, ...(byFigure.get(key) ?? [])]);
    }
    if (byFigure.size < 2) continue;
    const figures = await Promise.all(
      [...byFigure].map(async ([key, ids]) => {
        const [low, high] = key.split("|").map(Number);
        const sources = await Promise.all(ids.slice(0, SOURCES_SHOWN).map(article));
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
      }),
    );
    out[id] = figures.sort((a, b) => b.count - a.count || a.low - b.low);
  }
  return out;
}

/**
 * Settles a conflict by confirming the figure `factId` gives: the other figures of its group are superseded,
 * through the server's write connection, audited (db/figureConflicts.ts).
 */
export async function settleFigureConflict(
  userName: string,
  factId: number,
): Promise<{ confirmed: number[]; superseded: number[] }> {
  try {
    return await settleFigure(await getWriteSql(), factId, userName);
  } catch (err) {
    throw reviewFailure(err);
  }
}

/**
 * The figures each flagged point of a company's charts is in conflict with, keyed by the point's newest source (the
 * fact its Confirm forms are drawn beside): what the company page's tables offer analysts to settle in place.
 * Read as the review queue's are; only analysts' pages ask for them.
 */
export async function pointConflicts(points: ChartPoint[]): Promise<Record<number, ConflictFigure[]>> {
  const ids = points.filter((p) => p.disagreeing > 0 && p.sources.length).map((p) => p.sources[0].factId);
  return ids.length ? conflictFigures(ids) : {};
}

/** The company a fact is filed under, or null when it is gone (rejected, superseded or re-imported meanwhile). */
export async function factCompanyId(factId: number): Promise<number | null> {
  const row = await (await getSql()).get<{ companyId: number }>(
    'SELECT company_id AS "companyId" FROM facts WHERE id = ?',
    [factId],
  );
  return row ? Number(row.companyId) : null;
}
