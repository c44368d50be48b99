import { getSql } from "~/db.server";
import { getWriteSql } from "~/writeDb.server";
import { conflictGroup, settleFigure } from "../../db/figureConflicts";
import type { ConflictFigure } from "./conflictTypes";
import { reviewFailure } from "./reviews.server";

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
