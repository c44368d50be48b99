import { databaseFault } from "../../db/faults";
import type { Sql } from "../../db/sql";
import { type SaveOutcome, saveArticle } from "../../db/store";
import type { ArticleResult } from "../types";

/**
 * Where a worker stores the articles it extracted. The queue does not care which store it is: one store over the
 * async write path (docs/decisions/020) serves SQLite and PostgreSQL alike.
 */
export interface ArticleStore {
  /**
   * Stores the articles in one transaction, each whole or not at all (a savepoint each), and gives each one's
   * outcome or the reason it alone failed. Resolves only once the transaction has committed; throws when the
   * database itself fails: then nothing is committed.
   */
  saveBatch(results: ArticleResult[]): Promise<Array<SaveOutcome | { error: string }>>;
  /** The database fault `err` is, in one line, or null when it is none (a bug, to be thrown on). */
  fault(err: unknown): string | null;
}

/**
 * The store on the database `db` (SQLite or PostgreSQL); `databaseName` names it in fault messages (its file, or
 * PostgreSQL's URL without the password).
 */
export function sqlArticleStore(db: Sql, databaseName: string): ArticleStore {
  return {
    async saveBatch(results) {
      // `db.transaction` resolves after COMMIT: the worker completes the batch's jobs only then.
      return db.transaction(async (tx) => {
        const outcomes: Array<SaveOutcome | { error: string }> = [];
        for (const result of results) {
          try {
            // Inside the batch's transaction saveArticle's own transaction is a savepoint.
            outcomes.push(await saveArticle(tx, result));
          } catch (err) {
            // The database itself failing is no fault of this article: the whole batch rolls back.
            if (databaseFault(err, databaseName)) throw err;
            outcomes.push({ error: err instanceof Error ? err.message : String(err) });
          }
        }
        return outcomes;
      });
    },
    fault: (err) => databaseFault(err, databaseName)?.message ?? null,
  };
}
