import { databaseFault, quickCheck } from "../../db/faults";
import { chosenDatabaseName, type OpenedDatabase, openChosenDatabase } from "../../db/open";
import { recordImportRun } from "../../db/store";
import { sqlArticleStore } from "../jobs/articleStore";
import { jobsForPaths } from "../jobs/enqueueFiles";
import { isPostgresUrl, openImportQueue } from "../jobs/openQueue";
import type { ImportQueue } from "../jobs/queue";
import { runReport } from "../jobs/runReport";
import { jobsDatabasePath } from "../jobs/sqliteQueue";
import { formatStatus } from "../jobs/status";
import { formatTimings, newTimings, timedQueue, timedStore } from "../jobs/timings";
import { extractionPool, runWorker } from "../jobs/worker";
import { jobFlags } from "../jobs/workerFlags";
import { defaultMaxBytes, emptyReport, formatReport, type ImportReport } from "../run/importFiles";
import { commandLineOrUsage } from "../run/options";
import { printable } from "../run/printable";

const USAGE =
  "npm run import -- [--published YYYY-MM-DD] [--workers N] [--enqueue-only] [--timings] PATH...  (files or folders of .txt articles)\n" +
  "       npm run import -- --status";

function progressBar(done: number, total: number, path: string): void {
  if (!process.stderr.isTTY || total === 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const shown = printable(path);
  const name = shown.length > 40 ? `…${shown.slice(-39)}` : shown;
  process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${name.padEnd(40)}`);
  if (done === total) process.stderr.write("\n");
}

/**
 * Queues one job per file (docs/decisions/023), then, unless `--enqueue-only`, works this run's jobs on every core
 * and prints the summary the import always printed. Into PostgreSQL when DATABASE_URL names one (the queue is then
 * pg-boss's), else the SQLite file at DATABASE_PATH (the queue a jobs file beside it). Exit codes: 0 all imported,
 * 1 some files skipped, 2 usage, 3 the database failed (the summary says why).
 */
async function main(): Promise<number> {
  const flags = jobFlags(process.argv.slice(2), ["--enqueue-only", "--status", "--timings"]);
  if ("error" in flags) {
    console.error(`import: ${flags.error}`);
    return 2;
  }
  if (flags.switches.has("--status")) return status();
  const options = commandLineOrUsage("import", USAGE, flags.rest);
  if (!options) return 2;
  const enqueueOnly = flags.switches.has("--enqueue-only");
  const startedAt = new Date().toISOString();
  // Queueing needs no store: on PostgreSQL it opens only pg-boss (docs/decisions/023).
  if (enqueueOnly && isPostgresUrl(process.env.DATABASE_URL)) return enqueue(options.paths, options.publishedYear);
  let name: string;
  try {
    name = chosenDatabaseName();
  } catch (err) {
    console.error(`import: ${(err as Error).message}`);
    return 2;
  }
  let opened: OpenedDatabase | undefined;
  let queue: ImportQueue | undefined;
  let report: ImportReport;
  let faultPath = name;
  // The threads load the extractor while the files are listed, hashed and queued (README, "Imports as jobs").
  const pool = enqueueOnly ? null : extractionPool(flags.workers, flags.deadlineMs);
  pool?.warm();
  try {
    opened = await openChosenDatabase();
    // A damaged file is refused before anything is written into it (about a second on a million facts).
    if (opened.sqlite) quickCheck(opened.sqlite.sqlite, name);
    // Faults until the jobs are queued are the queue's: on SQLite its file (beside the database, on the same disk).
    if (opened.sqlite) faultPath = jobsDatabasePath(name);
    const where = await openImportQueue(() => name);
    queue = where.queue;
    const maxBytes = defaultMaxBytes();
    const { jobs, listing } = jobsForPaths(options.paths, maxBytes);
    const listingErrors = [
      ...listing.missing.map((p) => ({ path: p, reason: "no such file or folder" })),
      ...listing.skipped,
    ];
    const runId = await queue.enqueue(jobs, { publishedYear: options.publishedYear }, !enqueueOnly);
    faultPath = name;
    if (enqueueOnly) return queued(jobs.length, where.where, runId, listingErrors);
    let settledJobs = 0;
    const active = queue;
    const timings = flags.switches.has("--timings") ? newTimings() : null;
    const store = sqlArticleStore(opened.sql, name);
    const result = await runWorker({
      queue: timings ? timedQueue(active, timings) : active,
      store: timings ? timedStore(store, timings) : store,
      threads: flags.workers,
      pool: pool ?? undefined,
      maxBytes,
      deadlineMs: flags.deadlineMs,
      runId,
      onSettled: () => progressBar(++settledJobs, jobs.length, ""),
    });
    if (timings) console.error(formatTimings(timings, performance.now()));
    report = runReport(startedAt, listingErrors, await active.runJobs(runId), result.fault, result.outcomes);
    try {
      if (!report.fault) await recordImportRun(opened.sql, report);
    } catch (err) {
      // Every article is committed by now; only the run's own record is missing.
      report.fault = databaseFault(err, name)?.message ?? null;
      if (!report.fault) throw err;
    }
  } catch (err) {
    const fault = databaseFault(err, faultPath);
    if (!fault) throw err;
    report = { ...emptyReport(), fault: fault.message };
  } finally {
    await pool?.close();
    await queue?.close().catch(() => {});
    await closeQuietly(opened);
  }
  console.log(formatReport(report));
  if (report.fault) return 3;
  return report.errors.length ? 1 : 0;
}

function queued(files: number, where: string, runId: string, listingErrors: Array<{ path: string; reason: string }>) {
  console.log(`Queued ${files} files in ${where} (run ${runId}).`);
  console.log("`npm run worker` imports them; `npm run import -- --status` shows how far they are.");
  for (const e of listingErrors) console.log(`  ${printable(e.path)}: ${printable(e.reason)}`);
  return listingErrors.length ? 1 : 0;
}

/** `--enqueue-only` on PostgreSQL: the jobs go into pg-boss; no SQLite file is opened. */
async function enqueue(paths: string[], publishedYear: number | null): Promise<number> {
  const { queue, where } = await openImportQueue(chosenDatabaseName);
  try {
    const { jobs, listing } = jobsForPaths(paths, defaultMaxBytes());
    const runId = await queue.enqueue(jobs, { publishedYear }, false);
    const listingErrors = [
      ...listing.missing.map((p) => ({ path: p, reason: "no such file or folder" })),
      ...listing.skipped,
    ];
    return queued(jobs.length, where, runId, listingErrors);
  } finally {
    await queue.close();
  }
}

async function status(): Promise<number> {
  const { queue, where } = await openImportQueue(chosenDatabaseName);
  try {
    console.log(await formatStatus(queue, where));
  } finally {
    await queue.close();
  }
  return 0;
}

/** Closing after a fault can fail the same way (a checkpoint into a full disk): the summary matters more. */
async function closeQuietly(opened: OpenedDatabase | undefined): Promise<void> {
  try {
    await opened?.close();
  } catch {
    // The fault is already in the report.
  }
}

process.exitCode = await main();
