import { type DbHandle, openDatabase } from "../db/client";

let handle: DbHandle | undefined;

/** One connection per server process, opened (and migrated) on first use. */
export function getDb(): DbHandle {
  handle ??= openDatabase();
  return handle;
}
