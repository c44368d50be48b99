import { openDatabase } from "../db/client";
import { heldConnection } from "../db/heldConnections";
import { changeListener, closeChangeListeners } from "../db/pgChanges";
import { openPostgres, type PgHandle, postgresUrl } from "../db/postgres";
import { onShutdown } from "../db/shutdown";
import type { Sql } from "../db/sql";
import { writeWaitMs } from "../db/writeWait";

/** Counts connections opened: data_version restarts with each one, so caches key on both. */
let generation = 0;

/**
 * One connection per server process, opened (and migrated) on first use, and opened again after server.ts drops
 * it (its WAL deleted, or a fault cleared: db/heldConnections.ts).
 */
export const getDb = heldConnection(
  // Its writes (the sign-in throttle's) wait for the lock on timers, not on the event loop (decision 040).
  () => openDatabase(undefined, { writesWaitOnTimers: true }),
  () => {
    generation++;
    memo.clear();
  },
);

let postgres: { url: string; opened: Promise<PgHandle> } | undefined;

/**
 * What the models read through (db/sql.ts): PostgreSQL when DATABASE_URL names one (one pool per process, migrated
 * when first opened), else the SQLite connection of getDb.
 */
export async function getSql(): Promise<Sql> {
  const url = postgresUrl();
  if (!url) return getDb().sql;
  if (postgres?.url !== url) {
    // Listening starts with the pool: the caches keep nothing until it hears other instances' commits.
    changeListener(url);
    const opened = openPostgres(url, { lockTimeoutMs: writeWaitMs });
    postgres = { url, opened };
    // server.ts closes the pool and the listener when it stops (SIGTERM), once the requests in flight are done.
    onShutdown(closePostgres);
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
  await closeChangeListeners();
  if (open) await (await open.opened.catch(() => undefined))?.pool.end();
}

/**
 * A number that changes whenever the data may have: SQLite's data_version (bumped by other connections' commits)
 * within one connection, and a new range for each new connection. On PostgreSQL, the version db/pgChanges.ts
 * keeps from every instance's notifications (decision 020); while it is not listening, a number never given
 * before, so the caches keyed on it (exports) never serve what another instance may have changed.
 */
export function dataVersion(): number {
  const url = postgresUrl();
  if (url) return changeListener(url).version ?? -++uncachedReads;
  const db = getDb();
  return generation * 2 ** 32 + (db.sqlite.pragma("data_version", { simple: true }) as number);
}

const memo = new Map<string, { version: number; value: unknown }>();
let uncachedReads = 0;

/**
 * A query result kept until the database changes. The server only reads through this connection; imports and
 * people's changes commit through others, which is exactly what SQLite's data_version counts. On PostgreSQL the
 * version is heard from every instance's commits; while it cannot be heard, results are computed every time.
 */
export async function untilDataChanges<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const version = dataVersion();
  if (version < 0) return compute();
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = await compute();
  // Kept under the version read before computing: a commit made meanwhile makes it miss next time, never stale.
  memo.set(key, { version, value });
  return value;
}
