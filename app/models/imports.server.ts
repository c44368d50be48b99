import { existsSync } from "node:fs";
import { defaultDatabasePath } from "../../db/client";
import { isPostgresUrl } from "../../importers/jobs/openQueue";
import { openPgBossQueue } from "../../importers/jobs/pgBossQueue";
import type { ImportQueue, JobRow, RunProgress } from "../../importers/jobs/queue";
import { jobsDatabasePath, openSqliteQueue } from "../../importers/jobs/sqliteQueue";

/**
 * The import queue as the /imports page shows it (docs/decisions/023): the newest runs with their counts, the
 * files being imported now and the files that failed, with why. One queue connection per server process, opened
 * on the first visit; the SQLite jobs file is not created by looking at it.
 */
export interface ImportsPage {
  runs: Array<RunProgress & { state: "finished" | "running" | "waiting" }>;
  active: Array<Pick<JobRow, "path" | "attempts" | "runId">>;
  failed: Array<Pick<JobRow, "path" | "reason" | "attempts" | "finishedAt" | "runId">>;
}

let held: { key: string; queue: Promise<ImportQueue> } | undefined;

async function queueFor(): Promise<ImportQueue | null> {
  const url = process.env.DATABASE_URL;
  const key = isPostgresUrl(url) ? url : jobsDatabasePath(defaultDatabasePath());
  if (held?.key !== key) {
    if (!isPostgresUrl(url) && !existsSync(key)) return null;
    // The page only reads: pg-boss's maintenance is left to the workers.
    const queue = isPostgresUrl(url)
      ? openPgBossQueue(url, { supervise: false })
      : Promise.resolve(openSqliteQueue(key));
    held = { key, queue };
    queue.catch(() => {
      if (held?.queue === queue) held = undefined;
    });
  }
  return held.queue;
}

const stateOf = (r: RunProgress) => (r.queued + r.active === 0 ? "finished" : r.active ? "running" : "waiting");

export async function importsPage(): Promise<ImportsPage> {
  const queue = await queueFor();
  if (!queue) return { runs: [], active: [], failed: [] };
  const [runs, active, failed] = await Promise.all([
    queue.recentRuns(20),
    queue.jobsIn("active", 50),
    queue.jobsIn("failed", 100),
  ]);
  return {
    runs: runs.map((r) => ({ ...r, state: stateOf(r) })),
    active: active.map(({ path, attempts, runId }) => ({ path, attempts, runId })),
    failed: failed.map(({ path, reason, attempts, finishedAt, runId }) => ({
      path,
      reason,
      attempts,
      finishedAt,
      runId,
    })),
  };
}
