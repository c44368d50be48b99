import type { Sql } from "./sql";

/**
 * Failed sign-ins, counted per account and per address in the database, so that every instance on one database
 * counts the same failures (decision 030; before, each process counted its own, and N instances behind a proxy
 * allowed N times the tries). Each failure makes the next answer wait longer (a quarter of a second, doubling, at
 * most 8 s), and from the fifth failure on the account or address is refused outright for a while, without
 * checking the password. A success clears the account's count, not the address's. A count lapses 15 minutes
 * after its latest failure.
 */
export const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = 4;
const MAX_DELAY_MS = 8_000;
/** Rows kept at most: a flood of invented names cannot grow the table without bound. */
export const MAX_KEYS = 10_000;

/** How long the answer to a failure waits, given the failures counted so far (this one included). */
export function failureDelayMs(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);
}

/** How long a key stays refused after its latest failure, once past the free ones: 30 s, doubling, at most 15 min. */
function lockMs(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(30_000 * 2 ** (failures - FREE_FAILURES - 1), WINDOW_MS);
}

const keysOf = (account: string, address: string) => [`account:${account.toLowerCase()}`, `address:${address}`];

/**
 * Each statement here is one atomic statement. On PostgreSQL it runs on its own, outside the app's write
 * transaction: it needs no write lock (it reads no other rows), and must not tell every instance to drop its
 * caches (nothing shown changes). On SQLite it goes through a transaction, queued behind the others on the shared
 * connection, so that it never runs inside another request's open transaction (db/sql.ts).
 */
const write = <T>(sql: Sql, fn: (s: Sql) => Promise<T>): Promise<T> =>
  sql.dialect === "postgres" ? fn(sql) : sql.transaction(fn);

/** Seconds to wait before this account or address may try again, or 0 when it may try now. */
export async function retryAfterSeconds(sql: Sql, account: string, address: string, now = Date.now()) {
  const rows = await sql.all<{ failures: number; last: number }>(
    `SELECT failures, last_ms AS "last" FROM login_failures WHERE key IN (?, ?) AND last_ms >= ?`,
    [...keysOf(account, address), now - WINDOW_MS],
  );
  const wait = Math.max(0, ...rows.map((r) => Number(r.last) + lockMs(r.failures) - now));
  return Math.ceil(wait / 1000);
}

/** Counts a failure against the account and the address; returns how long to hold the answer back. */
export async function noteFailure(sql: Sql, account: string, address: string, now = Date.now()): Promise<number> {
  let worst = 0;
  for (const key of keysOf(account, address)) {
    // A count whose latest failure is older than the window starts again from one.
    const row = await write(sql, (s) =>
      s.get<{ failures: number }>(
        `INSERT INTO login_failures (key, failures, last_ms) VALUES (?, 1, ?)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_failures.last_ms < ? THEN 1 ELSE login_failures.failures + 1 END,
           last_ms = excluded.last_ms
         RETURNING failures`,
        [key, now, now - WINDOW_MS],
      ),
    );
    worst = Math.max(worst, row?.failures ?? 1);
  }
  await write(sql, (s) =>
    s.run(
      `DELETE FROM login_failures WHERE last_ms < ? OR last_ms < (
         SELECT last_ms FROM login_failures ORDER BY last_ms DESC LIMIT 1 OFFSET ?)`,
      [now - WINDOW_MS, MAX_KEYS - 1],
    ),
  );
  return failureDelayMs(worst);
}

export async function noteSuccess(sql: Sql, account: string): Promise<void> {
  await write(sql, (s) => s.run("DELETE FROM login_failures WHERE key = ?", [`account:${account.toLowerCase()}`]));
}

/** For tests. */
export async function resetThrottle(sql: Sql): Promise<void> {
  await write(sql, (s) => s.run("DELETE FROM login_failures"));
}
