import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import {
  type ImportQueue,
  type JobOutcome,
  type JobRow,
  type JobState,
  MAX_ATTEMPTS,
  type QueuedJob,
  type RunProgress,
} from "./queue";

/**
 * The queue on PostgreSQL: pg-boss (docs/decisions/024), in its own schema `pgboss` of the app's database. pg-boss
 * takes jobs with FOR UPDATE SKIP LOCKED, so workers on any number of machines never take the same job; a job
 * whose worker died stays active until its expiry (IMPORT_JOB_EXPIRE_S, ten minutes), then pg-boss's maintenance
 * fails it and, under the retry limit, queues it again. Progress is read from pg-boss's job and archive tables by
 * the run id each job carries.
 */
export const QUEUE_NAME = "figures-import";
const SCHEMA = "pgboss";

interface JobData {
  runId: string;
  seq: number;
  path: string;
  resolved: string;
  sha256: string | null;
  publishedYear: number | null;
}

export interface PgBossQueueOptions {
  /** Seconds a job may stay active before pg-boss gives it up as its worker's death. */
  expireInSeconds?: number;
  /** How often pg-boss's maintenance runs (expiry among it). */
  maintenanceIntervalSeconds?: number;
  /** false: no maintenance from this process (a reader such as the /imports page). */
  supervise?: boolean;
}

const envSeconds = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 1 ? Math.round(v) : fallback;
};

const STATE: Record<string, JobState> = {
  created: "queued",
  retry: "queued",
  active: "active",
  completed: "done",
  failed: "failed",
  cancelled: "failed",
};

/** Jobs still in pg-boss's job table and those it archived, as one relation. */
const JOBS = `(SELECT id, data, state::text AS state, retry_count, output, created_on, started_on, completed_on
    FROM ${SCHEMA}.job WHERE name = $1
  UNION ALL
  SELECT id, data, state::text, retry_count, output, created_on, started_on, completed_on
    FROM ${SCHEMA}.archive WHERE name = $1) j`;

const PROGRESS = `SELECT data->>'runId' AS "runId", min(created_on) AS "startedAt", count(*)::int AS total,
    count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
    count(*) FILTER (WHERE state = 'active')::int AS active,
    count(*) FILTER (WHERE state = 'completed')::int AS done,
    count(*) FILTER (WHERE state IN ('failed', 'cancelled'))::int AS failed
  FROM ${JOBS}`;

interface DbJob {
  id: string;
  data: JobData;
  state: string;
  retry_count: number;
  output: (JobOutcome & { reason?: string }) | { reason?: string; value?: { message?: string } } | null;
  created_on: Date;
  completed_on: Date | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toJobRow(r: DbJob): JobRow {
  const out = r.output as Record<string, unknown> | null;
  const outcome = out && (out.kind === "stored" || out.kind === "refused") ? (out as JobOutcome) : null;
  // pg-boss writes its own output when it expires a job: { value: { message } }.
  const reason =
    (typeof out?.reason === "string" ? out.reason : null) ??
    ((out?.value as { message?: string } | undefined)?.message ? "its worker stopped before finishing it" : null);
  return {
    id: r.id,
    runId: r.data.runId,
    seq: r.data.seq,
    path: r.data.path,
    state: STATE[r.state] ?? "failed",
    attempts: r.retry_count + (r.state === "created" ? 0 : 1),
    reason,
    outcome,
    createdAt: iso(r.created_on) as string,
    finishedAt: iso(r.completed_on),
  };
}

function sortableId(stamp: string, seq: number): string {
  const hex = stamp + seq.toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function openPgBossQueue(url: string, options: PgBossQueueOptions = {}): Promise<ImportQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    max: 4,
    schedule: false,
    supervise: options.supervise ?? true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  // pg-boss reports its background failures (maintenance on a lost connection) as events: without a listener
  // they would end the process.
  boss.on("error", (err) => console.error(`import queue (pg-boss): ${err.message}`));
  await boss.start();
  const db = boss.getDb();
  const sql = async <T>(text: string, values: unknown[]) => (await db.executeSql(text, values)).rows as T[];
  if (!(await boss.getQueue(QUEUE_NAME))) {
    try {
      await boss.createQueue(QUEUE_NAME, {
        name: QUEUE_NAME,
        retryLimit: MAX_ATTEMPTS - 1,
        retryDelay: 1,
        expireInSeconds: options.expireInSeconds ?? envSeconds("IMPORT_JOB_EXPIRE_S", 600),
      });
    } catch (err) {
      // Another process created it meanwhile.
      if (!(await boss.getQueue(QUEUE_NAME))) throw err;
    }
  }

  return {
    kind: "pg-boss",

    async enqueue(files, jobOptions) {
      const runId = randomUUID();
      const stamp = Date.now().toString(16).padStart(12, "0") + randomUUID().slice(0, 8);
      const jobs = files.map((f, seq) => ({
        // pg-boss takes jobs in order of creation, then id; one insert creates all at one instant, so the ids
        // (the time, the run, the file's place) keep the files in the order listed.
        id: sortableId(stamp, seq),
        name: QUEUE_NAME,
        data: {
          runId,
          seq,
          path: f.path,
          resolved: f.resolved,
          sha256: f.sha256,
          publishedYear: jobOptions.publishedYear,
        },
      }));
      // pg-boss inserts a batch in one statement; a few thousand rows at a time keeps each statement small.
      for (let i = 0; i < jobs.length; i += 2000) await boss.insert(jobs.slice(i, i + 2000));
      return runId;
    },

    // pg-boss fetches from a queue, not by a job's data: a run's command helps with whatever is queued first.
    async fetch(_worker, limit) {
      const got = await boss.fetch<JobData>(QUEUE_NAME, { batchSize: limit, includeMetadata: true });
      return got.map(
        (j): QueuedJob => ({
          id: j.id,
          runId: j.data.runId,
          seq: j.data.seq,
          path: j.data.path,
          resolved: j.data.resolved,
          sha256: j.data.sha256,
          options: { publishedYear: j.data.publishedYear },
          attempt: j.retryCount + 1,
        }),
      );
    },

    async complete(done) {
      if (!done.length) return;
      // pg-boss's own completion (its plans.js completeJobs), for a whole batch in one statement: boss.complete
      // takes one output for all the ids it is given, and a call per job was a round trip per job, a fifth of a
      // worker's time on PostgreSQL (README, "Imports as jobs").
      await sql(
        `UPDATE ${SCHEMA}.job j SET completed_on = now(), state = 'completed', output = d.output
         FROM unnest($2::uuid[], $3::jsonb[]) AS d(id, output)
         WHERE j.name = $1 AND j.id = d.id AND j.state = 'active'`,
        [QUEUE_NAME, done.map((d) => d.id), done.map((d) => JSON.stringify(d.outcome))],
      );
    },

    async fail(id, outcome) {
      // A refused file would be refused again: no retry left, so pg-boss fails it for good.
      await sql(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [QUEUE_NAME, id]);
      await boss.fail(QUEUE_NAME, id, outcome);
    },

    async retry(ids, reason) {
      for (const id of ids) await boss.fail(QUEUE_NAME, id, { reason });
    },

    async recoverAbandoned() {
      const [{ n }] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.job WHERE name = $1 AND state = 'active'
           AND started_on + expire_in < now()`,
        [QUEUE_NAME],
      );
      if (n) await boss.expire();
      return n;
    },

    async progress(runId) {
      const [p] = await sql<RunProgress>(`${PROGRESS} WHERE data->>'runId' = $2 GROUP BY 1`, [QUEUE_NAME, runId]);
      return p
        ? { ...p, startedAt: iso(p.startedAt) as string }
        : { runId, startedAt: "", total: 0, queued: 0, active: 0, done: 0, failed: 0 };
    },

    async runJobs(runId) {
      const rows = await sql<DbJob>(`SELECT * FROM ${JOBS} WHERE data->>'runId' = $2 ORDER BY (data->>'seq')::int`, [
        QUEUE_NAME,
        runId,
      ]);
      return rows.map(toJobRow);
    },

    async recentRuns(limit) {
      const rows = await sql<RunProgress>(`${PROGRESS} GROUP BY 1 ORDER BY max(created_on) DESC LIMIT $2`, [
        QUEUE_NAME,
        limit,
      ]);
      return rows.map((p) => ({ ...p, startedAt: iso(p.startedAt) as string }));
    },

    async jobsIn(state, limit) {
      const states = state === "failed" ? ["failed", "cancelled"] : ["active"];
      const rows = await sql<DbJob>(
        `SELECT * FROM ${JOBS} WHERE state = ANY($2) ORDER BY coalesce(completed_on, started_on) DESC LIMIT $3`,
        [QUEUE_NAME, states, limit],
      );
      return rows.map(toJobRow);
    },

    // Connection failures and a server shutting down (SQLSTATE classes 08 and 57) stop the worker with a message.
    fault(err) {
      const code = String((err as { code?: unknown }).code ?? "");
      if (!/^(08|57|53)|^ECONN|^ETIMEDOUT$/.test(code)) return null;
      return `job queue (pg-boss): ${err instanceof Error ? err.message : String(err)}`;
    },

    async close() {
      await boss.stop({ graceful: false, close: true, wait: true });
    },
  };
}
