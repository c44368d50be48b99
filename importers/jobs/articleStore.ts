import type { DbHandle } from "../../db/client";
import { databaseFault } from "../../db/faults";
import { type SaveOutcome, saveArticle } from "../../db/store";
import type { ArticleResult } from "../types";

/**
 * Where a worker stores the articles it extracted. The queue does not care which store it is: SQLite's is here;
 * PostgreSQL's comes with the import's store on PostgreSQL (branch pg-write, issue 14).
 */
export interface ArticleStore {
  /**
   * Stores the articles in one transaction, each whole or not at all (a savepoint each), and gives each one's
   * outcome or the reason it alone failed. Throws when the database itself fails: then nothing is committed.
   */
  saveBatch(results: ArticleResult[]): Promise<Array<SaveOutcome | { error: string }>>;
  /** The database fault `err` is, in one line, or null when it is none (a bug, to be thrown on). */
  fault(err: unknown): string | null;
}

export function sqliteArticleStore(handle: DbHandle): ArticleStore {
  return {
    async saveBatch(results) {
      return handle.sqlite
        .transaction(() =>
          results.map((result) => {
            try {
              return saveArticle(handle, result);
            } catch (err) {
              // The database itself failing is no fault of this article: the whole batch rolls back.
              if (databaseFault(err, handle.path)) throw err;
              return { error: err instanceof Error ? err.message : String(err) };
            }
          }),
        )
        .immediate();
    },
    fault: (err) => databaseFault(err, handle.path)?.message ?? null,
  };
}
