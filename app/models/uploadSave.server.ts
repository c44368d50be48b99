import { writeAudit } from "../../db/audit";
import type { DbHandle } from "../../db/client";
import { changedKeys, type FactValues, reviewFact, valuesOf } from "../../db/reviews";
import { saveArticle } from "../../db/store";
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

/** Whether an error is SQLite giving up on a lock another process held too long. */
const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown })?.code ?? ""));

/**
 * Stores one extracted article of a web upload (its own transaction, so a file that fails loses nothing else),
 * then rejects the facts the analyst dropped and corrects those edited, as reviews, so a later re-import applies
 * them again (decision 010); the import, each drop and each correction are audited. Runs in an extraction worker
 * with a connection of its own (extractWorker.ts): writing an article of thousands of facts takes seconds.
 */
export function saveUploadedArticle(handle: DbHandle, result: ArticleResult, job: UploadSaveJob): SavedFile {
  const { index, userName } = job;
  try {
    const outcome = saveArticle(handle, result);
    if (outcome.status === "unchanged" || outcome.status === "dropped") {
      return { index, articleId: outcome.articleId, status: "already imported", facts: 0, dropped: 0, corrected: 0 };
    }
    const dropped = new Set(job.dropped);
    const edits = new Map(job.edits);
    let droppedHere = 0;
    let correctedHere = 0;
    const find = handle.sqlite.prepare(
      "SELECT id FROM facts WHERE article_id = ? AND kind = ? AND start = ? AND figure_start IS ? ORDER BY id",
    );
    for (const [i, f] of result.facts.entries()) {
      const edit = edits.get(i);
      const changed = edit !== undefined && changedKeys(asSent(f), edit).length > 0;
      if (!dropped.has(i) && !changed) continue;
      const row = find.get(outcome.articleId, f.kind, f.start, f.figureStart) as { id: number } | undefined;
      if (!row) continue;
      if (dropped.has(i)) {
        reviewFact(handle, row.id, { action: "reject" }, userName);
        droppedHere++;
      } else if (edit) {
        reviewFact(handle, row.id, { action: "correct", values: edit }, userName);
        correctedHere++;
      }
    }
    writeAudit(handle, {
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
  } catch (err) {
    const reason = isBusy(err)
      ? "an import was writing to the database; save again in a few seconds"
      : err instanceof Error
        ? err.message
        : String(err);
    return { index, articleId: null, status: `not saved: ${reason}`, facts: 0, dropped: 0, corrected: 0 };
  }
}
