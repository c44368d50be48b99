/**
 * The sign-in throttle counted in the database (decision 030), on SQLite and, in the vitest project "postgres", on
 * PostgreSQL: two connections to one database stand for two app instances, and what one counts the other sees.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { openDatabase } from "../../db/client";
import {
  failureDelayMs,
  MAX_KEYS,
  noteFailure,
  noteSuccess,
  resetThrottle,
  retryAfterSeconds,
  WINDOW_MS,
} from "../../db/loginThrottle";
import type { Sql } from "../../db/sql";

let one: Sql;
let two: Sql;
let close: () => Promise<void>;
const onPostgres = process.env.TEST_BACKEND === "postgres";

beforeAll(async () => {
  if (onPostgres) {
    const { createTestDatabase } = await import("../helpers/pgDb");
    const { openPostgres } = await import("../../db/postgres");
    const { url, drop } = await createTestDatabase();
    const [a, b] = [await openPostgres(url), await openPostgres(url)];
    [one, two] = [a.sql, b.sql];
    close = async () => {
      await a.pool.end();
      await b.pool.end();
      await drop();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "figures-throttle-"));
    const [a, b] = [openDatabase(join(dir, "t.db")), openDatabase(join(dir, "t.db"))];
    [one, two] = [a.sql, b.sql];
    close = async () => {
      a.sqlite.close();
      b.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
}, 60_000);
afterAll(() => close?.());
beforeEach(() => resetThrottle(one));

const T0 = 1_780_000_000_000;

describe(`the sign-in throttle on ${onPostgres ? "PostgreSQL" : "SQLite"}`, () => {
  test("failures counted by one instance lock the account on the other after the fifth", async () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(await retryAfterSeconds(i % 2 ? two : one, "Ana", `10.0.0.${i}`, T0 + i)).toBe(0);
      delays.push(await noteFailure(i % 2 ? two : one, "ana", `10.0.0.${i}`, T0 + i));
    }
    // The delay doubles with the account's count, whichever instance counted the earlier failures.
    expect(delays).toEqual([1, 2, 3, 4, 5].map(failureDelayMs));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000]);
    // Locked for 30 s from the fifth failure, on both instances, from any address, the name in any case.
    expect(await retryAfterSeconds(one, "ANA", "10.9.9.9", T0 + 4)).toBe(30);
    expect(await retryAfterSeconds(two, "ana", "10.9.9.9", T0 + 4 + 10_000)).toBe(20);
    expect(await retryAfterSeconds(two, "ana", "10.9.9.9", T0 + 4 + 30_000)).toBe(0);
    expect(await retryAfterSeconds(two, "vic", "10.9.9.9", T0 + 4)).toBe(0);
  });

  test("failures are counted per address across accounts; a success clears the account's count only", async () => {
    for (let i = 0; i < 5; i++) await noteFailure(i % 2 ? one : two, `someone${i}`, "10.7.7.7", T0);
    expect(await retryAfterSeconds(one, "vic", "10.7.7.7", T0 + 1000)).toBe(29);
    expect(await retryAfterSeconds(two, "vic", "10.7.7.8", T0 + 1000)).toBe(0);
    for (let i = 0; i < 5; i++) await noteFailure(one, "ana", `10.1.1.${i}`, T0);
    await noteSuccess(two, "Ana");
    expect(await retryAfterSeconds(one, "ana", "10.8.8.8", T0 + 1000)).toBe(0);
    expect(await retryAfterSeconds(one, "ana", "10.7.7.7", T0 + 1000)).toBe(29);
  });

  test("a count lapses fifteen minutes after its latest failure, and starts again from one", async () => {
    for (let i = 0; i < 6; i++) await noteFailure(one, "ana", "10.2.2.2", T0);
    expect(await retryAfterSeconds(two, "ana", "10.2.2.3", T0 + 60_000)).toBe(0);
    expect(await retryAfterSeconds(two, "ana", "10.2.2.3", T0)).toBe(60);
    const later = T0 + WINDOW_MS + 1;
    expect(await noteFailure(two, "ana", "10.2.2.2", later)).toBe(failureDelayMs(1));
  });

  test("failures sent at once are all counted", async () => {
    // From both instances at once on PostgreSQL. On SQLite from one: two connections in one thread would wait on
    // each other's write lock with the thread asleep in the busy handler, which two processes never do.
    const from = (i: number) => (onPostgres && i % 2 ? two : one);
    await Promise.all(Array.from({ length: 20 }, (_, i) => noteFailure(from(i), "mallory", `10.3.3.${i}`, T0 + i)));
    const row = await one.get<{ failures: number }>("SELECT failures FROM login_failures WHERE key = ?", [
      "account:mallory",
    ]);
    expect(row?.failures).toBe(20);
  });

  test("the table keeps at most MAX_KEYS rows, the oldest dropped first", async () => {
    // Filled directly: ten thousand sign-ins would take minutes.
    await one.transaction(async (tx) => {
      for (let i = 0; i < MAX_KEYS; i += 500) {
        const keys = Array.from({ length: 500 }, (_, j) => i + j);
        await tx.run(
          `INSERT INTO login_failures (key, failures, last_ms) VALUES ${keys.map(() => "(?, 1, ?)").join(", ")}`,
          keys.flatMap((k) => [`address:10.${k}`, T0 + k]),
        );
      }
    });
    await noteFailure(two, "newcomer", "10.4.4.4", T0 + MAX_KEYS);
    const count = await one.get<{ n: number }>("SELECT count(*) AS n FROM login_failures");
    expect(count?.n).toBe(MAX_KEYS);
    // The two newest rows came in; the two oldest went.
    const oldest = await one.all<{ key: string }>("SELECT key FROM login_failures ORDER BY last_ms, key LIMIT 1");
    expect(oldest).toEqual([{ key: "address:10.2" }]);
  });
});
