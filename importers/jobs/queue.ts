import type { FactKind } from "../types";

/**
 * The import job queue (issue 14, docs/decisions/023): one job per file, taken by any worker process, retried when
 * the worker taking it dies. Two implementations share this interface: pg-boss when DATABASE_URL names PostgreSQL
 * (pgBossQueue.ts), and a jobs table in a small SQLite file beside the database otherwise (sqliteQueue.ts). Neither
 * knows where articles are stored: the worker (worker.ts) extracts and hands articles to whichever store it has.
 */

/** What the import command knows of a file when it queues it. */
export interface NewJob {
  /** As given or joined under a given folder: what the summary prints. */
  path: string;
  /** The real path, which the store keys the article by. */
  resolved: string;
  /** sha256 of the bytes when the file was queued (null when they could not be read then: the worker says why). */
  sha256: string | null;
}

export interface JobOptions {
  publishedYear: number | null;
}

export interface QueuedJob extends NewJob {
  id: string;
  runId: string;
  /** Position of the file in its run, so a run's summary lists files in the order the command listed them. */
  seq: number;
  options: JobOptions;
  /** 1 on the first try, 2 after one retry... */
  attempt: number;
}

/** What a finished job did: an article stored (or found stored), or the reason its file is not an article. */
export type JobOutcome =
  | {
      kind: "stored";
      status: "imported" | "replaced" | "unchanged" | "dropped";
      facts: number;
      factsByKind: Partial<Record<FactKind, number>>;
      /** Figures validation turned away, never stored. */
      rejected: Array<{ reason: string; quote: string }>;
    }
  /** `read`: the bytes were read (an empty or binary file) rather than refused before reading (too large, missing). */
  | { kind: "refused"; reason: string; read: boolean };

export type JobState = "queued" | "active" | "done" | "failed";

export interface JobRow {
  id: string;
  runId: string;
  seq: number;
  path: string;
  state: JobState;
  attempts: number;
  /** Why it failed, or why its last try was given up (a worker that died). */
  reason: string | null;
  outcome: JobOutcome | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RunProgress {
  runId: string;
  startedAt: string;
  total: number;
  queued: number;
  active: number;
  done: number;
  failed: number;
}

export const settled = (p: RunProgress) => p.queued === 0 && p.active === 0;

export interface ImportQueue {
  readonly kind: "sqlite" | "pg-boss";
  /**
   * Queues one job per file under a new run and returns the run's id. `waiting`: the calling process waits for
   * the run and prints its summary (the import command); false for `--enqueue-only`, whose jobs any worker takes.
   */
  enqueue(files: NewJob[], options: JobOptions, waiting: boolean): Promise<string>;
  /** Up to `limit` queued jobs, now active under `worker`; of one run only when `runId` is given and supported. */
  fetch(worker: string, limit: number, runId?: string): Promise<QueuedJob[]>;
  /** Jobs done: their articles are committed in the store (or found there already). */
  complete(done: Array<{ id: string; outcome: JobOutcome }>): Promise<void>;
  /** A job that will fail the same way again (the file is empty, binary, too large): failed, with the reason. */
  fail(id: string, outcome: Extract<JobOutcome, { kind: "refused" }>): Promise<void>;
  /** Jobs given back untouched (the database failed, the worker is stopping, its thread died): tried again. */
  retry(ids: string[], reason: string): Promise<void>;
  /** Jobs left active by workers that died are queued again (or failed, past the attempt limit). */
  recoverAbandoned(): Promise<number>;
  progress(runId: string): Promise<RunProgress>;
  /** A run's jobs in file order: what its summary is made from. */
  runJobs(runId: string): Promise<JobRow[]>;
  /** The newest runs first. */
  recentRuns(limit: number): Promise<RunProgress[]>;
  /** Failed jobs and jobs being imported now, newest first. */
  jobsIn(state: "failed" | "active", limit: number): Promise<JobRow[]>;
  /** The fault of the queue's own database `err` is, in one line, or null when it is none. */
  fault(err: unknown): string | null;
  close(): Promise<void>;
}

/** A job that fails this many times (its worker died each time) is failed for good: a file that kills workers. */
export const MAX_ATTEMPTS = 3;
