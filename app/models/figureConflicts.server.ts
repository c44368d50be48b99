import { getDb } from "~/db.server";
import { getWriteDb } from "~/writeDb.server";
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
