import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import Database from "better-sqlite3";
import { busyTimeoutMs, databaseFault } from "../../db/faults";
import {
  type ImportQueue,
  type JobOptions,
  type JobOutcome,
  type JobRow,
  type JobState,
  MAX_ATTEMPTS,
  type NewJob,
  type QueuedJob,
  type RunProgress,
} from "./queue";

/**
 * The queue on SQLite: a jobs table in a file of its own beside the database (`figures.db` -> `figures.jobs.db`,
 * docs/decisions/023). Its own file keeps the queue's many small writes off the articles' write lock and out of
 * the app's migrations. SQLite files are shared by processes of one machine only, so a worker's process id tells
 * whether it is still alive: an active job whose worker is gone is queued again.
 */
export function jobsDatabasePath(databasePath: string): string {
  const ext = extname(databasePath);
  return join(dirname(databasePath), `${basename(databasePath, ext === ".db" ? ext : "")}.jobs.db`);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS import_jobs (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  path TEXT NOT NULL,
  resolved TEXT NOT NULL,
  sha256 TEXT,
  published_year INTEGER,
  state TEXT NOT NULL CHECK (state IN ('queued', 'active', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  owner_pid INTEGER,
  worker TEXT,
  worker_pid INTEGER,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  reason TEXT,
  outcome TEXT
);
CREATE INDEX IF NOT EXISTS import_jobs_state ON import_jobs (state, id);
CREATE INDEX IF NOT EXISTS import_jobs_run ON import_jobs (run_id, seq);
CREATE INDEX IF NOT EXISTS import_jobs_file ON import_jobs (resolved, state);
`;

/** Finished jobs are kept this long for the imports page, then deleted (pg-boss keeps its own 14 days too). */
const KEEP_DAYS = 14;

interface Row {
  id: number;
  run_id: string;
  seq: number;
  path: string;
  resolved: string;
  sha256: string | null;
  published_year: number | null;
  state: JobState;
  attempts: number;
  owner_pid: number | null;
  worker_pid: number | null;
  created_at: string;
  finished_at: string | null;
  reason: string | null;
  outcome: string | null;
}

/**
 * Whether a process of this machine is alive (EPERM: it is, but another user's). A killed process whose parent
 * died too stays a zombie until something reaps it, which in a container may be never: it is dead.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

const now = () => new Date().toISOString();

const toJobRow = (r: Row): JobRow => ({
  id: String(r.id),
  runId: r.run_id,
  seq: r.seq,
  path: r.path,
  state: r.state,
  attempts: r.attempts,
  reason: r.reason,
  outcome: r.outcome ? (JSON.parse(r.outcome) as JobOutcome) : null,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

const PROGRESS = `SELECT run_id AS runId, min(created_at) AS startedAt, count(*) AS total,
    sum(state = 'queued') AS queued, sum(state = 'active') AS active, sum(state = 'done') AS done,
    sum(state = 'failed') AS failed
  FROM import_jobs`;

export function openSqliteQueue(path: string): ImportQueue {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(SCHEMA);
  db.prepare("DELETE FROM import_jobs WHERE state IN ('done', 'failed') AND finished_at < ?").run(
    new Date(Date.now() - KEEP_DAYS * 86_400_000).toISOString(),
  );

  const insert = db.prepare(
    `INSERT INTO import_jobs (run_id, seq, path, resolved, sha256, published_year, state, owner_pid, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
  );
  // A queued job for the same bytes at the same path whose run nobody waits for any more (its command was
  // killed, or it was queued with --enqueue-only) is taken into the new run rather than done twice.
  const orphan = db.prepare<[string, string | null, number | null], { id: number; owner_pid: number | null }>(
    `SELECT id, owner_pid FROM import_jobs WHERE resolved = ? AND sha256 IS ? AND published_year IS ?
       AND state = 'queued' ORDER BY id`,
  );
  const adopt = db.prepare(
    "UPDATE import_jobs SET run_id = ?, seq = ?, path = ?, owner_pid = ?, created_at = ? WHERE id = ?",
  );
  const finish = db.prepare(
    "UPDATE import_jobs SET state = ?, outcome = ?, reason = ?, finished_at = ? WHERE id = ? AND state = 'active'",
  );

  const requeue = (rows: Array<{ id: number; attempts: number }>, reason: string) => {
    const back = db.prepare(
      "UPDATE import_jobs SET state = 'queued', reason = ?, worker = NULL, worker_pid = NULL WHERE id = ?",
    );
    const give = db.prepare(
      "UPDATE import_jobs SET state = 'failed', reason = ?, finished_at = ? WHERE id = ? AND state = 'active'",
    );
    for (const r of rows) {
      if (r.attempts >= MAX_ATTEMPTS) give.run(`${reason}, ${r.attempts} times: given up`, now(), r.id);
      else back.run(reason, r.id);
    }
  };

  const queue: ImportQueue = {
    kind: "sqlite",

    async enqueue(files: NewJob[], options: JobOptions, waiting: boolean): Promise<string> {
      const runId = randomUUID();
      const owner = waiting ? process.pid : null;
      const at = now();
      db.transaction(() => {
        const alive = new Map<number, boolean>();
        const ownerGone = (pid: number | null) => {
          if (pid === null) return true;
          if (!alive.has(pid)) alive.set(pid, processAlive(pid));
          return !alive.get(pid);
        };
        files.forEach((f, seq) => {
          const found = orphan.all(f.resolved, f.sha256, options.publishedYear).find((r) => ownerGone(r.owner_pid));
          if (found) adopt.run(runId, seq, f.path, owner, at, found.id);
          else insert.run(runId, seq, f.path, f.resolved, f.sha256, options.publishedYear, owner, at);
        });
      }).immediate();
      return runId;
    },

    async fetch(worker: string, limit: number, runId?: string): Promise<QueuedJob[]> {
      const rows = db
        .prepare(
          `UPDATE import_jobs SET state = 'active', attempts = attempts + 1, worker = ?, worker_pid = ?, started_at = ?
           WHERE id IN (SELECT id FROM import_jobs WHERE state = 'queued' ${runId ? "AND run_id = ?" : ""}
                        ORDER BY id LIMIT ?)
           RETURNING *`,
        )
        .all(...[worker, process.pid, now(), ...(runId ? [runId] : []), limit]) as Row[];
      return rows
        .sort((a, b) => a.id - b.id)
        .map((r) => ({
          id: String(r.id),
          runId: r.run_id,
          seq: r.seq,
          path: r.path,
          resolved: r.resolved,
          sha256: r.sha256,
          options: { publishedYear: r.published_year },
          attempt: r.attempts,
        }));
    },

    async complete(done) {
      const at = now();
      db.transaction(() => {
        for (const d of done) finish.run("done", JSON.stringify(d.outcome), null, at, Number(d.id));
      }).immediate();
    },

    async fail(id, outcome) {
      finish.run("failed", JSON.stringify(outcome), outcome.reason, now(), Number(id));
    },

    async retry(ids, reason) {
      db.transaction(() => {
        const rows = ids.map(
          (id) =>
            db.prepare("SELECT id, attempts FROM import_jobs WHERE id = ? AND state = 'active'").get(Number(id)) as
              | { id: number; attempts: number }
              | undefined,
        );
        requeue(
          rows.filter((r) => r !== undefined),
          reason,
        );
      }).immediate();
    },

    async recoverAbandoned() {
      return db
        .transaction(() => {
          const active = db
            .prepare("SELECT id, attempts, worker_pid AS pid FROM import_jobs WHERE state = 'active'")
            .all() as Array<{ id: number; attempts: number; pid: number | null }>;
          const dead = active.filter((r) => r.pid === null || !processAlive(r.pid));
          requeue(dead, "its worker stopped before finishing it");
          return dead.length;
        })
        .immediate();
    },

    async progress(runId) {
      const p = db.prepare(`${PROGRESS} WHERE run_id = ?`).get(runId) as RunProgress | undefined;
      return p?.runId ? p : { runId, startedAt: "", total: 0, queued: 0, active: 0, done: 0, failed: 0 };
    },

    async runJobs(runId) {
      return (db.prepare("SELECT * FROM import_jobs WHERE run_id = ? ORDER BY seq").all(runId) as Row[]).map(toJobRow);
    },

    async recentRuns(limit) {
      return db.prepare(`${PROGRESS} GROUP BY run_id ORDER BY max(id) DESC LIMIT ?`).all(limit) as RunProgress[];
    },

    async jobsIn(state, limit) {
      return (
        db
          .prepare(
            `SELECT * FROM import_jobs WHERE state = ? ORDER BY coalesce(finished_at, started_at) DESC, id DESC LIMIT ?`,
          )
          .all(state, limit) as Row[]
      ).map(toJobRow);
    },

    fault: (err) => databaseFault(err, path)?.message ?? null,

    async close() {
      db.close();
    },
  };
  return queue;
}
