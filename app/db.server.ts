import { openDatabase } from "../db/client";
import { heldConnection } from "../db/heldConnections";
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

/** What the models read through (db/sql.ts): the SQLite connection of getDb. */
export async function getSql(): Promise<Sql> {
  return getDb().sql;
}

/**
 * A number that changes whenever the data may have: SQLite's data_version (bumped by other connections' commits)
 * within one connection, and a new range for each new connection.
 */
export function dataVersion(): number {
  const db = getDb();
  return generation * 2 ** 32 + (db.sqlite.pragma("data_version", { simple: true }) as number);
}

const memo = new Map<string, { version: number; value: unknown }>();

/**
 * A query result kept until the database changes. The server only reads; imports commit through other
 * connections, which is exactly what SQLite's data_version counts.
 */
export async function untilDataChanges<T>(key: string, compute: () => Promise<T>): Promise<T> {
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
