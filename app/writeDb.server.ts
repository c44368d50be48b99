import { openDatabase } from "../db/client";
import { heldConnection } from "../db/heldConnections";

/**
 * How long a review waits for an import's write lock. better-sqlite3 waits on the event loop, so this is short;
 * an import commits every 64 articles, well within it. Past it the action answers 503 (writeBusy).
 */
const WRITE_BUSY_MS = 2_000;

/**
 * The server's one connection for people's changes (reviews, users), apart from the connection pages read through:
 * SQLite's data_version, which the page cache and the memoised queries watch (decision 005), counts only commits
 * made by *other* connections, so a write through the reading connection would leave stale pages behind.
 */
export const getWriteDb = heldConnection(openDatabase, (opened) =>
  opened.sqlite.pragma(`busy_timeout = ${WRITE_BUSY_MS}`),
);

/** Whether an error is SQLite giving up on a lock another process held too long. */
export function isBusy(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? "");
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}
