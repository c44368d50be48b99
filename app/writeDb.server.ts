import { getSql } from "~/db.server";
import { openDatabase } from "../db/client";
import { heldConnection } from "../db/heldConnections";
import { postgresUrl } from "../db/postgres";
import type { Sql } from "../db/sql";

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

/**
 * What people's changes are written through: SQLite's write connection (above), or PostgreSQL's pool, whose
 * transactions each take a connection of their own (decision 020).
 */
export async function getWriteSql(): Promise<Sql> {
  return postgresUrl() ? getSql() : getWriteDb().sql;
}

/**
 * Whether an error is the database giving up on a lock another process held too long: SQLite's busy or locked,
 * PostgreSQL's lock_timeout (55P03) on the write lock.
 */
export function isBusy(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? "");
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "55P03";
}
