/**
 * How the server's writes wait for a write lock another connection or process holds (decision 040): on timers,
 * never inside a native call. better-sqlite3 is synchronous, so SQLite's busy timeout sleeps on the event loop and
 * every other request stalls with it; here the lock is tried without waiting, and tried again after a short pause
 * until a deadline. Past it the caller gets a WriteLockTimeout, which the server answers 503 with Retry-After.
 * The command-line import keeps its blocking busy timeout (DATABASE_BUSY_MS): nothing else waits on its loop.
 */

/** How long a request's write waits for the lock, in milliseconds (DATABASE_WRITE_WAIT_MS, default 5 s). */
export function writeWaitMs(): number {
  const v = Number(process.env.DATABASE_WRITE_WAIT_MS);
  return process.env.DATABASE_WRITE_WAIT_MS && Number.isFinite(v) && v >= 0 ? v : 5_000;
}

/**
 * Pauses between attempts: short at first, since most locks are an import's batch or another request's write,
 * held for milliseconds; then 50 ms, so a lock held for seconds costs about 20 tries a second, each a few
 * microseconds on the event loop.
 */
export const PAUSES_MS = [10, 20, 30, 40, 50] as const;

/** Seconds a client is told to wait before trying again after a write found the database locked too long. */
export const RETRY_AFTER_S = 5;

/**
 * Whether an error is the database refusing a lock another writer holds: SQLite's busy or locked, PostgreSQL's
 * lock_timeout (55P03) on the write lock.
 */
export function isLocked(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? "");
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "55P03";
}

/**
 * A write that did not get the lock by its deadline. It keeps the database's error code (SQLITE_BUSY, 55P03), so
 * whatever already recognised a busy database recognises this too, and says how long it waited.
 */
export class WriteLockTimeout extends Error {
  readonly code: string;
  constructor(
    readonly waitedMs: number,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`the database stayed locked by another writer for ${Math.round(waitedMs)} ms (${attempts} tries)`, {
      cause,
    });
    this.name = "WriteLockTimeout";
    this.code = String((cause as { code?: unknown })?.code ?? "SQLITE_BUSY");
  }
}

export interface WaitOptions {
  /** When to give up, on the clock `now` reads (performance.now() by default). */
  deadline: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The deadline of a write asked for now: fixed when it is asked for, so a wait in a queue counts too. */
export const writeDeadline = (waitMs = writeWaitMs(), now = performance.now()) => now + waitMs;

/**
 * Runs `attempt` (a whole transaction, which must roll back what it did when it throws) until it does not fail on
 * a lock, pausing on timers between tries. A lock still refused at the deadline throws WriteLockTimeout; any other
 * error is thrown at once. One try is always made, even when the deadline has already passed.
 */
export async function retryWhileLocked<T>(attempt: () => Promise<T>, options: WaitOptions): Promise<T> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? timer;
  const started = now();
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isLocked(err)) throw err;
      const left = options.deadline - now();
      if (left <= 0) throw new WriteLockTimeout(now() - started, tries, err);
      await sleep(Math.min(PAUSES_MS[Math.min(tries - 1, PAUSES_MS.length - 1)], left));
    }
  }
}
