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
}

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

export function createLimiter({ concurrency, maxQueue, maxWaitMs }: LimiterOptions): Limiter {
  let active = 0;
  let refused = 0;
  /** Waiting tasks: `start` runs one, `latestStart` is the last moment it may start and still be in time. */
  const queue: Array<{ start: () => void; refuse: (err: Overloaded) => void; latestStart: number }> = [];
  const retryAfter = Math.max(1, Math.ceil(maxWaitMs / 1000));
  const tooLate = () => new Overloaded("The export could not be drawn in time; try again shortly.", retryAfter);

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
  const start = <T>(task: () => Promise<T>): Promise<T> => {
    active++;
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(task());
    } catch (err) {
      promise = Promise.reject(err);
    }
    return promise.finally(release);
  };

  return {
    run<T>(task: () => Promise<T>, { deadline, expectedMs = 0 }: RunOptions = {}): Promise<T> {
      if (active < concurrency) return start(task);
      if (queue.length >= maxQueue) {
        refused++;
        return Promise.reject(
          new Overloaded(`The server is busy with ${active + queue.length} exports; try again shortly.`, retryAfter),
        );
      }
      const latestStart = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - expectedMs;
      // Waiting ends at the queue's limit, or earlier when the task could not finish in time past that moment.
      const waitMs = Math.min(maxWaitMs, latestStart - Date.now());
      if (waitMs <= 0) {
        refused++;
        return Promise.reject(tooLate());
      }
      return new Promise<T>((resolve, reject) => {
        const entry = {
          latestStart,
          start: () => {
            clearTimeout(timer);
            start(task).then(resolve, reject);
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
          reject(
            waitMs < maxWaitMs
              ? tooLate()
              : new Overloaded(`No export slot came free within ${maxWaitMs / 1000} s; try again shortly.`, retryAfter),
          );
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
 * The exports' limiter. Two renders at once (the machines this runs on have two cores; PNG rasterisation runs
 * off the event loop), sixteen waiting (about five seconds of decks), five seconds at most in the queue: under a
 * client's usual ten-second timeout, so a refused client hears 503 instead of nothing.
 */
export const exportLimiter = createLimiter({
  concurrency: envNumber("EXPORT_CONCURRENCY", 2),
  maxQueue: envNumber("EXPORT_QUEUE", 16),
  maxWaitMs: envNumber("EXPORT_QUEUE_MS", 5000),
});
