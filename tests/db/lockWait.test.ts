/**
 * The server's writes wait for another connection's write lock on timers (db/writeWait.ts, decision 040): the
 * retry loop alone on a clock of its own, then a real SQLite connection whose transactions wait so while a second
 * connection holds the lock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { isLocked, PAUSES_MS, retryWhileLocked, WriteLockTimeout, writeWaitMs } from "../../db/writeWait";

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

/** A clock that moves only when the loop sleeps, so the pauses and the deadline are exact. */
function fakeClock() {
  let t = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => t,
    sleep: async (ms: number) => {
      pauses.push(ms);
      t += ms;
    },
  };
}

describe("retryWhileLocked", () => {
  test("tries again after short, growing pauses until the lock is had, and returns what the write returned", async () => {
    const clock = fakeClock();
    let tries = 0;
    const out = await retryWhileLocked(
      async () => {
        if (++tries <= 6) throw busy();
        return "written";
      },
      { deadline: 5_000, ...clock },
    );
    expect(out).toBe("written");
    expect(tries).toBe(7);
    expect(clock.pauses).toEqual([10, 20, 30, 40, 50, 50]);
  });

  test("past the deadline throws WriteLockTimeout, keeping the database's code and how long it waited", async () => {
    const clock = fakeClock();
    let tries = 0;
    const failure = await retryWhileLocked(
      async () => {
        tries++;
        throw Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" });
      },
      { deadline: 1_000, ...clock },
    ).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(WriteLockTimeout);
    const timeout = failure as WriteLockTimeout;
    expect(timeout.code).toBe("55P03");
    expect(isLocked(timeout)).toBe(true);
    // The last pause is cut to the deadline: it waited exactly 1 s, never more.
    expect(timeout.waitedMs).toBe(1_000);
    expect(clock.pauses.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Math.max(...clock.pauses)).toBe(PAUSES_MS.at(-1));
    expect(timeout.attempts).toBe(tries);
    expect(timeout.message).toMatch(/locked by another writer for 1000 ms/);
  });

  test("an error that is not a lock is thrown at once, and one try is made even when the deadline has passed", async () => {
    const clock = fakeClock();
    const broken = Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_UNIQUE" });
    let tries = 0;
    await expect(
      retryWhileLocked(
        async () => {
          tries++;
          throw broken;
        },
        { deadline: 5_000, ...clock },
      ),
    ).rejects.toBe(broken);
    expect(tries).toBe(1);
    expect(await retryWhileLocked(async () => 42, { deadline: -1, ...clock })).toBe(42);
    expect(clock.pauses).toEqual([]);
  });

  test("DATABASE_WRITE_WAIT_MS sets the wait; 5 s when unset or not a number", () => {
    const before = process.env.DATABASE_WRITE_WAIT_MS;
    try {
      delete process.env.DATABASE_WRITE_WAIT_MS;
      expect(writeWaitMs()).toBe(5_000);
      process.env.DATABASE_WRITE_WAIT_MS = "750";
      expect(writeWaitMs()).toBe(750);
      process.env.DATABASE_WRITE_WAIT_MS = "soon";
      expect(writeWaitMs()).toBe(5_000);
    } finally {
      if (before === undefined) delete process.env.DATABASE_WRITE_WAIT_MS;
      else process.env.DATABASE_WRITE_WAIT_MS = before;
    }
  });
});

describe("a SQLite connection whose writes wait on timers", () => {
  let dir: string;
  let handle: DbHandle | undefined;
  let holder: Database.Database | undefined;

  /** A migrated database, the connection under test, and a second connection holding the write lock. */
  function setUp(): { handle: DbHandle; holder: Database.Database } {
    dir = mkdtempSync(join(tmpdir(), "figures-lockwait-"));
    handle = openDatabase(join(dir, "figures.db"), { writesWaitOnTimers: true });
    holder = new Database(join(dir, "figures.db"));
    holder.exec("BEGIN IMMEDIATE");
    return { handle, holder };
  }
  afterEach(() => {
    delete process.env.DATABASE_WRITE_WAIT_MS;
    if (holder?.inTransaction) holder.exec("ROLLBACK");
    holder?.close();
    handle?.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (h: DbHandle, key: string) =>
    h.sql.transaction((tx) => tx.run("INSERT INTO login_failures (key, failures, last_ms) VALUES (?, 1, 0)", [key]));
  const keys = (h: DbHandle) =>
    (h.sqlite.prepare("SELECT key FROM login_failures ORDER BY key").all() as Array<{ key: string }>).map((r) => r.key);

  test("the write lands once the lock is released; timers keep firing meanwhile; the busy timeout is kept", async () => {
    const { handle, holder } = setUp();
    const timeout = handle.sqlite.pragma("busy_timeout", { simple: true });
    expect(timeout).toBeGreaterThan(0);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = performance.now();
    setTimeout(() => holder.exec("COMMIT"), 400);
    try {
      await insert(handle, "account:waited");
    } finally {
      clearInterval(ticker);
    }
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(390);
    // A wait inside SQLite's busy handler would have let no timer fire until the lock was free.
    expect(ticks).toBeGreaterThan(20);
    expect(keys(handle)).toEqual(["account:waited"]);
    expect(handle.sqlite.pragma("busy_timeout", { simple: true })).toBe(timeout);
  });

  test("past DATABASE_WRITE_WAIT_MS the transaction fails with WriteLockTimeout and writes nothing", async () => {
    process.env.DATABASE_WRITE_WAIT_MS = "300";
    const { handle, holder } = setUp();
    const started = performance.now();
    const failure = await insert(handle, "account:late").catch((err: unknown) => err);
    const waited = performance.now() - started;
    expect(failure).toBeInstanceOf(WriteLockTimeout);
    expect((failure as WriteLockTimeout).code).toBe("SQLITE_BUSY");
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(2_000);
    expect(handle.sqlite.inTransaction).toBe(false);
    holder.exec("ROLLBACK");
    expect(keys(handle)).toEqual([]);
  });

  test("a second transaction queued behind the first counts its queueing against its own deadline", async () => {
    process.env.DATABASE_WRITE_WAIT_MS = "300";
    const { handle } = setUp();
    const started = performance.now();
    const both = await Promise.allSettled([insert(handle, "account:a"), insert(handle, "account:b")]);
    const waited = performance.now() - started;
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    // Two deadlines counted one after the other would give 600 ms or more.
    expect(waited).toBeLessThan(550);
  });
});
