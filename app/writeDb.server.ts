import { getSql } from "~/db.server";
import { openDatabase } from "../db/client";
import { heldConnection } from "../db/heldConnections";
import { postgresUrl } from "../db/postgres";
import type { Sql } from "../db/sql";

/**
 * The server's one connection for people's changes (reviews, users), apart from the connection pages read through:
 * SQLite's data_version, which the page cache and the memoised queries watch (decision 005), counts only commits
 * made by *other* connections, so a write through the reading connection would leave stale pages behind.
 *
 * No busy timeout at all: better-sqlite3 would sleep through it on the event loop. Its transactions wait for
 * another's lock on timers instead, up to DATABASE_WRITE_WAIT_MS, then the request answers 503 (decision 040).
 */
export const getWriteDb = heldConnection(
  () => openDatabase(undefined, { writesWaitOnTimers: true }),
  (opened) => opened.sqlite.pragma("busy_timeout = 0"),
);

/**
 * What people's changes are written through: SQLite's write connection (above), or PostgreSQL's pool, whose
 * transactions each take a connection of their own (decision 020).
 */
export async function getWriteSql(): Promise<Sql> {
  return postgresUrl() ? getSql() : getWriteDb().sql;
}
