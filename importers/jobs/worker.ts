import { hostname } from "node:os";
import type { ArticleResult, FactKind } from "../types";
import type { ArticleStore } from "./articleStore";
import { type ImportQueue, type JobOutcome, type QueuedJob, settled } from "./queue";
import { createInlinePool, createThreadPool, ThreadDied, type ThreadPool } from "./threadPool";

/**
 * A worker process's loop (docs/decisions/023): fetch jobs, extract their files on the extraction threads, store
 * the articles on this thread in batches, then mark the jobs done. A job is completed only after its article is
 * committed, so a worker killed at any moment leaves its jobs active, to be retried; the store finds an article
 * already committed by the dead worker unchanged (content hash), so nothing is stored twice.
 */
export interface WorkerOptions {
  queue: ImportQueue;
  store: ArticleStore;
  threads: number;
  /** The extraction threads, made (and warmed) by the caller ahead of the queue's opening; closed on return. */
  pool?: ThreadPool;
  maxBytes: number;
  /** A file not extracted within this is refused alone (IMPORT_EXTRACT_MS, two minutes). */
  deadlineMs: number;
  /** Only this run's jobs (the import command): returns once every job of the run is done or failed. */
  runId?: string;
  /** `npm run worker -- --until-empty`: returns once nothing is left to fetch. Else runs until `signal`. */
  untilEmpty?: boolean;
  /** Stop taking jobs, finish those in hand, return. */
  signal?: AbortSignal;
  /** After each job settles: the import command's progress bar. */
  onSettled?: () => void;
  pollMs?: number;
}

export interface WorkerResult {
  /** The database fault that stopped this worker, in one line; its jobs in hand were given back. */
  fault: string | null;
  jobs: number;
  /**
   * What became of each job this worker settled, known here before the queue records it: a run's summary stays
   * true when the queue's own file fails after an article was committed (a full disk holds both).
   */
  outcomes: Map<string, JobOutcome>;
}

/** Articles per write transaction: as the import always did, short enough that readers never wait long. */
const BATCH = 64;
/** An article waits at most this long for its batch to fill. */
const LINGER_MS = 100;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function storedOutcome(
  result: ArticleResult,
  status: "imported" | "replaced" | "unchanged" | "dropped",
  facts: number,
) {
  const factsByKind: Partial<Record<FactKind, number>> = {};
  if (status === "imported" || status === "replaced")
    for (const f of result.facts) factsByKind[f.kind] = (factsByKind[f.kind] ?? 0) + 1;
  return {
    kind: "stored" as const,
    status,
    facts,
    factsByKind,
    rejected: result.rejected.map((r) => ({ reason: r.reason, quote: r.quote })),
  };
}

export async function runWorker(o: WorkerOptions): Promise<WorkerResult> {
  const name = `${hostname()}:${process.pid}`;
  const pool = o.pool ?? extractionPool(o.threads, o.deadlineMs);
  const inHand = new Map<string, QueuedJob>();
  let toStore: Array<{ job: QueuedJob; result: ArticleResult }> = [];
  let firstWaiting = 0;
  let fault: string | null = null;
  let jobs = 0;
  const outcomes = new Map<string, JobOutcome>();
  let storing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  let nextRequest = 1;
  // An event (a reply, a batch stored) wakes the loop; one that came while it was busy is not lost.
  let pending = false;
  let resolveWake: (() => void) | null = null;
  const wake = () => {
    pending = true;
    resolveWake?.();
  };
  const nextEvent = () =>
    new Promise<void>((r) => {
      if (pending) r();
      else resolveWake = r;
    }).then(() => {
      pending = false;
      resolveWake = null;
    });

  /** A queue call; when the queue's own database fails, the worker stops as for the store's. */
  const viaQueue = async <T>(call: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      const why = o.queue.fault(err);
      if (!why) throw err;
      fault ??= why;
      wake();
      return fallback;
    }
  };

  const settle = (job: QueuedJob) => {
    inHand.delete(job.id);
    jobs++;
    o.onSettled?.();
    wake();
  };

  const flush = async () => {
    const batch = toStore;
    toStore = [];
    if (!batch.length) return;
    if (fault) {
      await viaQueue(
        () =>
          o.queue.retry(
            batch.map((b) => b.job.id),
            "the worker stopped at a database fault",
          ),
        undefined,
      );
      for (const b of batch) inHand.delete(b.job.id);
      return;
    }
    let saved: Awaited<ReturnType<ArticleStore["saveBatch"]>>;
    try {
      saved = await o.store.saveBatch(batch.map((b) => b.result));
    } catch (err) {
      const why = o.store.fault(err);
      if (!why) throw err;
      fault = why;
      await viaQueue(
        () =>
          o.queue.retry(
            batch.map((b) => b.job.id),
            `the database failed: ${why}`,
          ),
        undefined,
      );
      for (const b of batch) inHand.delete(b.job.id);
      wake();
      return;
    }
    const done: Array<{ id: string; outcome: JobOutcome }> = [];
    const refused: Array<{ id: string; outcome: Extract<JobOutcome, { kind: "refused" }> }> = [];
    saved.forEach((out, i) => {
      const { job, result } = batch[i];
      if ("error" in out) refused.push({ id: job.id, outcome: { kind: "refused", reason: out.error, read: true } });
      else done.push({ id: job.id, outcome: storedOutcome(result, out.status, out.facts) });
    });
    for (const d of [...done, ...refused]) outcomes.set(d.id, d.outcome);
    await viaQueue(() => o.queue.complete(done), undefined);
    for (const r of refused) await viaQueue(() => o.queue.fail(r.id, r.outcome), undefined);
    for (const b of batch) settle(b.job);
  };

  const scheduleFlush = () => {
    storing = storing.then(flush).catch((err) => {
      failure = err;
      wake();
    });
  };

  let extracting = 0;
  // Articles are stored in the order their jobs were fetched (a run's files in the order listed), whichever thread
  // finishes first, so the ids they get do not depend on threads: as the one-thread import stored them.
  const order: Array<{ job: QueuedJob; result?: ArticleResult; over: boolean }> = [];
  const release = () => {
    while (order.length && order[0].over) {
      const { job, result } = order.shift() as (typeof order)[number];
      if (!result) continue;
      if (!toStore.length) firstWaiting = performance.now();
      toStore.push({ job, result });
    }
    wake();
  };
  const take = (job: QueuedJob) => {
    inHand.set(job.id, job);
    extracting++;
    const slot: (typeof order)[number] = { job, over: false };
    order.push(slot);
    pool
      .extract({
        id: nextRequest++,
        resolved: job.resolved,
        maxBytes: o.maxBytes,
        publishedYear: job.options.publishedYear,
      })
      .then(
        async (reply) => {
          extracting--;
          if ("refused" in reply) {
            slot.over = true;
            release();
            const outcome = { kind: "refused" as const, ...reply.refused };
            outcomes.set(job.id, outcome);
            await viaQueue(() => o.queue.fail(job.id, outcome), undefined);
            settle(job);
            return;
          }
          slot.result = reply.result;
          slot.over = true;
          release();
        },
        async (err) => {
          extracting--;
          slot.over = true;
          release();
          // The thread died under this file (out of memory): tried again, up to the attempt limit.
          const why = err instanceof ThreadDied ? err.message : String(err);
          await viaQueue(() => o.queue.retry([job.id], why), undefined);
          inHand.delete(job.id);
          wake();
        },
      )
      .catch((err) => {
        failure = err;
        wake();
      });
  };

  try {
    // Threads are kept fed while a batch is stored: jobs are fetched when extraction runs low (half of `ahead`
    // left), not once all are stored, and several at a time, since each fetch is a write to the queue.
    const ahead = Math.max(16, o.threads * 8);
    const limit = 2 * BATCH + ahead;
    for (;;) {
      if (failure) throw failure;
      const stopping = fault !== null || o.signal?.aborted === true;
      if (
        toStore.length >= BATCH ||
        (toStore.length && (extracting === 0 || performance.now() - firstWaiting > LINGER_MS))
      )
        scheduleFlush();
      let fetched = 0;
      const want = extracting <= ahead / 2 ? Math.min(ahead - extracting, limit - inHand.size) : 0;
      if (!stopping && want > 0) {
        const got = await viaQueue(() => o.queue.fetch(name, want, o.runId), []);
        for (const job of got) take(job);
        fetched = got.length;
      }
      if (fetched) continue;
      if (inHand.size === 0) {
        await storing;
        if (failure) throw failure;
        if (stopping) break;
        // Nothing to fetch: a worker that died meanwhile may have left jobs active; they are queued again.
        const recovered = await viaQueue(() => o.queue.recoverAbandoned(), 0);
        if (o.runId) {
          const runId = o.runId;
          const progress = await viaQueue(() => o.queue.progress(runId), null);
          if (!progress || settled(progress)) break;
        } else if (o.untilEmpty && !recovered) break;
        if (recovered) continue;
        await Promise.race([sleep(o.pollMs ?? 200), o.signal ? aborted(o.signal) : nextEvent()]);
        continue;
      }
      await Promise.race([nextEvent(), sleep(toStore.length ? LINGER_MS : (o.pollMs ?? 200))]);
    }
    await storing;
    return { fault, jobs, outcomes };
  } finally {
    await pool.close();
  }
}

export const extractionPool = (threads: number, deadlineMs: number): ThreadPool =>
  threads === 0 ? createInlinePool() : createThreadPool(threads, deadlineMs);

const aborted = (signal: AbortSignal) =>
  new Promise<void>((r) => {
    if (signal.aborted) r();
    else signal.addEventListener("abort", () => r(), { once: true });
  });
