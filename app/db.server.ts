import { openDatabase } from "../db/client";
import { heldConnection } from "../db/heldConnections";
import { openPostgres, type PgHandle, postgresUrl } from "../db/postgres";
import type { Sql } from "../db/sql";

/** Counts connections opened: data_version restarts with each one, so caches key on both. */
let generation = 0;

/**
 * One connection per server process, opened (and migrated) on first use, and opened again after server.ts drops
 * it (its WAL deleted, or a fault cleared: db/heldConnections.ts).
 */
export const getDb = heldConnection(openDatabase, () => {
  generation++;
  memo.clear();
});

let postgres: { url: string; opened: Promise<PgHandle> } | undefined;

/**
 * What the models read through (db/sql.ts): PostgreSQL when DATABASE_URL names one (one pool per process, migrated
 * when first opened), else the SQLite connection of getDb.
 */
export async function getSql(): Promise<Sql> {
  const url = postgresUrl();
  if (!url) return getDb().sql;
  if (postgres?.url !== url) {
    const opened = openPostgres(url);
    postgres = { url, opened };
    // A failed open is not kept: the next request tries again.
    opened.catch(() => {
      if (postgres?.opened === opened) postgres = undefined;
    });
  }
  return (await postgres.opened).sql;
}

/** Closes the PostgreSQL pool, if one was opened (tests, and a process that is done). */
export async function closePostgres(): Promise<void> {
  const open = postgres;
  postgres = undefined;
  if (open) await (await open.opened).pool.end();
}

/**
 * A number that changes whenever the data may have: SQLite's data_version (bumped by other connections' commits)
 * within one connection, and a new range for each new connection.
 */
export function dataVersion(): number {
  // PostgreSQL has no data_version, and other instances' writes are not heard yet (issue 14): a number never given
  // before, so the caches keyed on it (exports) never serve what another process may have changed.
  if (postgresUrl()) return -++uncachedReads;
  const db = getDb();
  return generation * 2 ** 32 + (db.sqlite.pragma("data_version", { simple: true }) as number);
}

const memo = new Map<string, { version: number; value: unknown }>();
let uncachedReads = 0;

/**
 * A query result kept until the database changes. The server only reads; imports commit through other
 * connections, which is exactly what SQLite's data_version counts. PostgreSQL has no data_version: until its
 * caches listen for other instances' writes (issue 14), its results are computed every time, never stale.
 */
export async function untilDataChanges<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (postgresUrl()) return compute();
  const version = dataVersion();
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = await compute();
  // Kept under the version read before computing: a commit made meanwhile makes it miss next time, never stale.
  memo.set(key, { version, value });
  return value;
}

/**
 * untilDataChanges for the SQLite-only paths not yet asynchronous (the review queue's count): the same memo, kept
 * by the same data_version.
 */
export function untilDataChangesSync<T>(key: string, compute: () => T): T {
  const version = dataVersion();
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  memo.set(key, { version, value });
  return value;
}
