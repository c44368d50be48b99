/**
 * Bounded work for expensive renders: at most `concurrency` at once, at most `maxQueue` waiting, and none waiting
 * longer than `maxWaitMs`. A request that cannot be served in time is refused at once (Overloaded, answered 503
 * with Retry-After) instead of piling up: 50 clients asking for a deck used to hold 3.4 GB and starve every
 * other request for 107 s.
 */
export class Overloaded extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "Overloaded";
  }
}

export interface LimiterOptions {
  concurrency: number;
  maxQueue: number;
  maxWaitMs: number;
  /** What is limited, in the refusals' words (the exports' by default). */
  words?: LimiterWords;
}

/** The refusals' messages: too many at once, not in time, no slot within the queue's wait. */
export interface LimiterWords {
  busy: (count: number) => string;
  late: string;
  noSlot: (seconds: number) => string;
}

const EXPORT_WORDS: LimiterWords = {
  busy: (count) => `The server is busy with ${count} exports; try again shortly.`,
  late: "The export could not be drawn in time; try again shortly.",
  noSlot: (seconds) => `No export slot came free within ${seconds} s; try again shortly.`,
};

/** When the task's answer is due, and how long it is likely to take once started (both optional). */
export interface RunOptions {
  /** A time (Date.now() milliseconds) after which the answer is no use: the request has been answered 503. */
  deadline?: number;
  /** How long the task usually takes: a task that could not finish before its deadline is never started. */
  expectedMs?: number;
}

export interface Limiter {
  run<T>(task: () => Promise<T>, options?: RunOptions): Promise<T>;
  stats(): { active: number; queued: number; refused: number };
  /** The Retry-After of the limiter's refusals (the queue's wait, in seconds). */
  readonly retryAfterSeconds: number;
}

export function createLimiter({ concurrency, maxQueue, maxWaitMs, words = EXPORT_WORDS }: LimiterOptions): Limiter {
  let active = 0;
  let refused = 0;
  /**
   * Waiting tasks: `start` runs one, `latestStart` is the last moment it may start and still be in time,
   * `expectedMs` how long it usually takes.
   */
  const queue: Array<{
    start: () => void;
    refuse: (err: Overloaded) => void;
    latestStart: number;
    expectedMs: number;
  }> = [];
  /** When each running task started and how long it usually takes: when its slot should come free. */
  const running = new Set<{ startedAt: number; expectedMs: number }>();
  const retryAfter = Math.max(1, Math.ceil(maxWaitMs / 1000));
  const tooLate = () => new Overloaded(words.late, retryAfter);

  /**
   * When a task asked for now would start, by the usual times of the tasks running and waiting: each slot comes
   * free when its task should end (now, if it is overdue), and the waiting tasks take the slots in turn.
   */
  const expectedStart = (now: number): number => {
    const free = [...running].map((r) => Math.max(now, r.startedAt + r.expectedMs));
    while (free.length < concurrency) free.push(now);
    for (const waiting of queue) {
      free.sort((a, b) => a - b);
      free[0] += waiting.expectedMs;
    }
    return Math.min(...free);
  };

  const release = () => {
    active--;
    // A slot came free: the first waiting task that can still finish in time gets it; those that cannot are
    // refused now rather than drawn for a request already answered.
    while (queue.length) {
      const next = queue.shift()!;
      if (Date.now() <= next.latestStart) return next.start();
      refused++;
      next.refuse(tooLate());
    }
  };
  const start = <T>(task: () => Promise<T>, expectedMs: number): Promise<T> => {
    active++;
    const slot = { startedAt: Date.now(), expectedMs };
    running.add(slot);
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(task());
    } catch (err) {
      promise = Promise.reject(err);
    }
    return promise.finally(() => {
      running.delete(slot);
      release();
    });
  };

  return {
    run<T>(task: () => Promise<T>, { deadline, expectedMs = 0 }: RunOptions = {}): Promise<T> {
      if (active < concurrency) return start(task, expectedMs);
      if (queue.length >= maxQueue) {
        refused++;
        return Promise.reject(new Overloaded(words.busy(active + queue.length), retryAfter));
      }
      const now = Date.now();
      const latestStart = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - expectedMs;
      // Waiting ends at the queue's limit, or earlier when the task could not finish in time past that moment.
      const waitMs = Math.min(maxWaitMs, latestStart - now);
      if (waitMs <= 0) {
        refused++;
        return Promise.reject(tooLate());
      }
      // A task that would only start, by the usual times of those ahead of it, after it could still finish in
      // time or after the queue's wait is refused now, not after waiting for nothing: a refusal is a quick 503
      // (issue 11), and a task admitted is one expected to be served.
      const expected = expectedStart(now);
      if (expected > now + waitMs) {
        refused++;
        return Promise.reject(
          expected > latestStart ? tooLate() : new Overloaded(words.busy(active + queue.length), retryAfter),
        );
      }
      return new Promise<T>((resolve, reject) => {
        const entry = {
          latestStart,
          expectedMs,
          start: () => {
            clearTimeout(timer);
            start(task, expectedMs).then(resolve, reject);
          },
          refuse: (err: Overloaded) => {
            clearTimeout(timer);
            reject(err);
          },
        };
        const timer = setTimeout(() => {
          const at = queue.indexOf(entry);
          if (at >= 0) queue.splice(at, 1);
          refused++;
          reject(waitMs < maxWaitMs ? tooLate() : new Overloaded(words.noSlot(maxWaitMs / 1000), retryAfter));
        }, waitMs);
        queue.push(entry);
      });
    },
    stats: () => ({ active, queued: queue.length, refused }),
    retryAfterSeconds: retryAfter,
  };
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/**
 * The exports' limiter. Two renders at once (the machines this runs on have two cores and one render worker: the
 * next export's data is read on the event loop while the worker draws the last; one at a time drew half the decks
 * under `npm run bench:load`), sixteen waiting, two seconds at most in the queue, and a waiting render refused at
 * once when its turn would come later than that or too late for its deadline (docs/decisions/036). Under a
 * client's usual ten-second timeout a refused client hears 503 with Retry-After instead of nothing.
 */
export const exportLimiter = createLimiter({
  concurrency: envNumber("EXPORT_CONCURRENCY", 2),
  maxQueue: envNumber("EXPORT_QUEUE", 16),
  maxWaitMs: envNumber("EXPORT_QUEUE_MS", 2000),
});
