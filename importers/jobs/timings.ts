import type { ArticleStore } from "./articleStore";
import type { ImportQueue } from "./queue";

/**
 * Where a worker's time goes (`--timings` on `npm run worker` and `npm run import`, read by `npm run
 * bench:queue`): the process's start until its first fetch, until its first article reached the store (an
 * extraction thread started and read its first file), and the time spent waiting on each queue and store call.
 * Calls are timed by wrapping the queue and the store, so the worker's loop is measured as it runs. The store's
 * calls and the queue's may overlap (a fetch is sent while a batch is stored), so their sum can exceed the wall.
 */
export interface WorkerTimings {
  /** Milliseconds from the process's start (performance.now()'s origin). */
  firstFetch: number | null;
  firstStore: number | null;
  calls: Map<string, { n: number; ms: number; items: number }>;
}

export function newTimings(): WorkerTimings {
  return { firstFetch: null, firstStore: null, calls: new Map() };
}

async function timed<T>(t: WorkerTimings, name: string, items: number, call: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await call();
  } finally {
    const c = t.calls.get(name) ?? { n: 0, ms: 0, items: 0 };
    c.n++;
    c.ms += performance.now() - start;
    c.items += items;
    t.calls.set(name, c);
  }
}

export function timedQueue(q: ImportQueue, t: WorkerTimings): ImportQueue {
  return {
    ...q,
    fetch: async (worker, limit, runId) => {
      t.firstFetch ??= performance.now();
      const got = await timed(t, "queue fetch", 0, () => q.fetch(worker, limit, runId));
      const c = t.calls.get("queue fetch");
      if (c) c.items += got.length;
      return got;
    },
    complete: (done) => timed(t, "queue complete", done.length, () => q.complete(done)),
    fail: (id, outcome) => timed(t, "queue fail", 1, () => q.fail(id, outcome)),
    retry: (ids, reason) => timed(t, "queue retry", ids.length, () => q.retry(ids, reason)),
    recoverAbandoned: () => timed(t, "queue recover", 0, () => q.recoverAbandoned()),
    progress: (runId) => timed(t, "queue progress", 0, () => q.progress(runId)),
  };
}

export function timedStore(s: ArticleStore, t: WorkerTimings): ArticleStore {
  return {
    ...s,
    saveBatch: (results) => {
      t.firstStore ??= performance.now();
      return timed(t, "store batch", results.length, () => s.saveBatch(results));
    },
  };
}

/** One line per figure, for stderr. `wallMs`: from the process's start to the worker's return. */
export function formatTimings(t: WorkerTimings, wallMs: number): string {
  const ms = (v: number | null) => (v === null ? "never" : `${v.toFixed(0)} ms`);
  const lines = [
    `timings: ${ms(wallMs)} from the process's start; first fetch at ${ms(t.firstFetch)}, ` +
      `first article stored from ${ms(t.firstStore)}`,
  ];
  for (const [name, c] of t.calls)
    lines.push(
      `  ${name.padEnd(15)} ${String(c.n).padStart(6)} calls ${c.ms.toFixed(0).padStart(7)} ms` +
        (c.items ? `  ${c.items} jobs, ${(c.ms / c.items).toFixed(3)} ms a job` : ""),
    );
  return lines.join("\n");
}
