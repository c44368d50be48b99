import { type DbHandle, openDatabase } from "../db/client";

let handle: DbHandle | undefined;

/** One connection per server process, opened (and migrated) on first use. */
export function getDb(): DbHandle {
  handle ??= openDatabase();
  return handle;
}

const memo = new Map<string, { version: number; value: unknown }>();

/**
 * A query result kept until the database changes. The server only reads; imports commit through other
 * connections, which is exactly what SQLite's data_version counts.
 */
export function untilDataChanges<T>(key: string, compute: () => T): T {
  const version = getDb().sqlite.pragma("data_version", { simple: true }) as number;
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  memo.set(key, { version, value });
  return value;
}
