import { json } from "@remix-run/node";
import { isLocked, RETRY_AFTER_S } from "../../db/writeWait";

/** What a person is told when their change waited its DATABASE_WRITE_WAIT_MS for the lock and was not written. */
export const WRITE_BUSY_MESSAGE =
  "The database is busy with another change or an import, so nothing was saved. Try again in a few seconds.";

/**
 * The answer to a write that did not get the database's write lock in time (decision 040): a 503 that says so in
 * words and when to come back, never kept by a cache. Every write path throws this same Response.
 */
export function writeBusyResponse(): Response {
  return json(
    { message: WRITE_BUSY_MESSAGE },
    {
      status: 503,
      statusText: "Service Unavailable",
      headers: { "Retry-After": String(RETRY_AFTER_S), "Cache-Control": "no-store" },
    },
  );
}

/** The 503 to throw for `err` when it is a lock not had in time, else `err` itself, to be thrown on. */
export const busyAsResponse = (err: unknown): unknown => (isLocked(err) ? writeBusyResponse() : err);
