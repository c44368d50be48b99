import { writeAudit } from "../../db/audit";
import { sameAs } from "../../db/dialect";
import { changedKeys, type FactValues, reviewFact, valuesOf } from "../../db/reviews";
import type { Sql } from "../../db/sql";
import { saveArticle } from "../../db/store";
import { isLocked } from "../../db/writeWait";
import type { ArticleResult } from "../../importers/types";
import type { ImportPreview } from "./importTypes";

/** One file of a web upload to store: the analyst's unticked facts and edits, by the fact's index in the file. */
export interface UploadSaveJob {
  userName: string;
  index: number;
  path: string;
  dropped: number[];
  edits: Array<[number, FactValues]>;
}

export type SavedFile = NonNullable<ImportPreview["saved"]>[number];

/** A fact's values as the preview form sends them back unchanged: none is null, approximate a boolean. */
const asSent = (f: FactValues): FactValues => {
  const v = valuesOf(f);
  return {
    ...v,
    counterparty: v.counterparty ?? null,
    market: v.market ?? null,
    year: v.year ?? null,
    period: v.period ?? null,
    approximate: Boolean(v.approximate),
  };
};

/**
 * Stores one extracted article of a web upload, its drops and corrections and its audit row, in one transaction
 * (so a file that fails loses nothing else): the facts the analyst dropped are rejected and those edited are
 * corrected, as reviews, so a later re-import applies them again (decision 010). Written through the async `Sql`
 * (decision 020), so on SQLite and on PostgreSQL alike. Runs in an extraction worker with a connection of its own
 * (extractWorker.ts): writing an article of thousands of facts takes seconds.
 */
export async function saveUploadedArticle(sql: Sql, result: ArticleResult, job: UploadSaveJob): Promise<SavedFile> {
  const { index, userName } = job;
  const dropped = new Set(job.dropped);
  const edits = new Map(job.edits);
  try {
    return await sql.transaction(async (tx): Promise<SavedFile> => {
      const outcome = await saveArticle(tx, result);
      if (outcome.status === "unchanged" || outcome.status === "dropped") {
        return { index, articleId: outcome.articleId, status: "already imported", facts: 0, dropped: 0, corrected: 0 };
      }
      let droppedHere = 0;
      let correctedHere = 0;
      for (const [i, f] of result.facts.entries()) {
        const edit = edits.get(i);
        const changed = edit !== undefined && changedKeys(asSent(f), edit).length > 0;
        if (!dropped.has(i) && !changed) continue;
        const row = await tx.get<{ id: number }>(
          `SELECT id FROM facts WHERE article_id = ? AND kind = ? AND start = ? AND ${sameAs(tx.dialect, "figure_start")}
           ORDER BY id`,
          [outcome.articleId, f.kind, f.start, f.figureStart],
        );
        if (!row) continue;
        if (dropped.has(i)) {
          await reviewFact(tx, row.id, { action: "reject" }, userName);
          droppedHere++;
        } else if (edit) {
          await reviewFact(tx, row.id, { action: "correct", values: edit }, userName);
          correctedHere++;
        }
      }
      await writeAudit(tx, {
        userName,
        action: "article.import",
        subject: `${job.path} in article ${outcome.articleId}`,
        after: {
          title: result.title,
          facts: outcome.facts,
          dropped: droppedHere,
          corrected: correctedHere,
          status: outcome.status,
        },
      });
      return {
        index,
        articleId: outcome.articleId,
        status: outcome.status,
        facts: outcome.facts - droppedHere,
        dropped: droppedHere,
        corrected: correctedHere,
      };
    });
  } catch (err) {
    // The lock another writer held past DATABASE_WRITE_WAIT_MS, waited for on timers (db/writeWait.ts).
    const reason = isLocked(err)
      ? "an import was writing to the database; save again in a few seconds"
      : err instanceof Error
        ? err.message
        : String(err);
    return { index, articleId: null, status: `not saved: ${reason}`, facts: 0, dropped: 0, corrected: 0 };
  }
}
