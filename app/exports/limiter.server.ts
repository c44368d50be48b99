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

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  stats(): { active: number; queued: number; refused: number };
}

export function createLimiter({ concurrency, maxQueue, maxWaitMs }: LimiterOptions): Limiter {
  let active = 0;
  let refused = 0;
  const queue: Array<{ start: () => void }> = [];
  const retryAfter = Math.max(1, Math.ceil(maxWaitMs / 1000));

  const release = () => {
    active--;
    const next = queue.shift();
    if (next) next.start();
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
    run<T>(task: () => Promise<T>): Promise<T> {
      if (active < concurrency) return start(task);
      if (queue.length >= maxQueue) {
        refused++;
        return Promise.reject(
          new Overloaded(`The server is busy with ${active + queue.length} exports; try again shortly.`, retryAfter),
        );
      }
      return new Promise<T>((resolve, reject) => {
        const entry = {
          start: () => {
            clearTimeout(timer);
            start(task).then(resolve, reject);
          },
        };
        const timer = setTimeout(() => {
          const at = queue.indexOf(entry);
          if (at >= 0) queue.splice(at, 1);
          refused++;
          reject(
            new Overloaded(`No export slot came free within ${maxWaitMs / 1000} s; try again shortly.`, retryAfter),
          );
        }, maxWaitMs);
        queue.push(entry);
      });
    },
    stats: () => ({ active, queued: queue.length, refused }),
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
