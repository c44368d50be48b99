import { databaseFault, quickCheck } from "../../db/faults";
import { chosenDatabaseName, type OpenedDatabase, openChosenDatabase } from "../../db/open";
import { sqlArticleStore } from "../jobs/articleStore";
import { openImportQueue } from "../jobs/openQueue";
import type { ImportQueue } from "../jobs/queue";
import { formatTimings, newTimings, timedQueue, timedStore } from "../jobs/timings";
import { extractionPool, runWorker } from "../jobs/worker";
import { jobFlags } from "../jobs/workerFlags";
import { defaultMaxBytes } from "../run/importFiles";

const USAGE = "npm run worker -- [--workers N] [--until-empty] [--timings]";

/**
 * `npm run worker`: imports queued files (docs/decisions/023) until stopped, or with `--until-empty` until nothing
 * is left to take. Into PostgreSQL (jobs from pg-boss) when DATABASE_URL names one, else the SQLite file at
 * DATABASE_PATH (jobs from the file beside it). SIGTERM or Ctrl-C stops taking jobs and finishes those in hand; a
 * second one ends at once (the jobs in hand are then retried by the next worker). Exit codes: 0 stopped, 2 usage,
 * 3 the database failed.
 */
async function main(): Promise<number> {
  const flags = jobFlags(process.argv.slice(2), ["--until-empty", "--timings"]);
  if ("error" in flags || flags.rest.some((a) => a !== "--")) {
    console.error("error" in flags ? `worker: ${flags.error}` : `usage: ${USAGE}`);
    return 2;
  }
  let name: string;
  try {
    name = chosenDatabaseName();
  } catch (err) {
    console.error(`worker: ${(err as Error).message}`);
    return 2;
  }
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    console.error(`worker: ${signal}: finishing the jobs in hand, then stopping (again to stop at once)`);
    stop.abort();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  let opened: OpenedDatabase | undefined;
  let queue: ImportQueue | undefined;
  // The threads load the extractor while the database and the queue are opened.
  const pool = extractionPool(flags.workers, flags.deadlineMs);
  pool.warm();
  try {
    opened = await openChosenDatabase();
    if (opened.sqlite) quickCheck(opened.sqlite.sqlite, name);
    const where = await openImportQueue(() => name);
    queue = where.queue;
    const recovered = await queue.recoverAbandoned();
    console.error(
      `worker ${process.pid}: ${flags.workers} extraction thread${flags.workers === 1 ? "" : "s"} on ${where.where}` +
        (recovered ? `; ${recovered} jobs of stopped workers queued again` : ""),
    );
    const started = performance.now();
    const timings = flags.switches.has("--timings") ? newTimings() : null;
    const store = sqlArticleStore(opened.sql, name);
    const result = await runWorker({
      queue: timings ? timedQueue(queue, timings) : queue,
      store: timings ? timedStore(store, timings) : store,
      threads: flags.workers,
      pool,
      maxBytes: defaultMaxBytes(),
      deadlineMs: flags.deadlineMs,
      untilEmpty: flags.switches.has("--until-empty"),
      signal: stop.signal,
      pollMs: 500,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Worker ${process.pid}: ${result.jobs} jobs in ${seconds.toFixed(1)} s`);
    if (timings) console.error(formatTimings(timings, performance.now()));
    if (result.fault) {
      console.log(`Worker stopped: ${result.fault}`);
      return 3;
    }
    return 0;
  } catch (err) {
    const fault = databaseFault(err, name);
    if (!fault) throw err;
    console.log(`Worker stopped: ${fault.message}`);
    return 3;
  } finally {
    await pool.close();
    await queue?.close().catch(() => {});
    try {
      await opened?.close();
    } catch {
      // Said above.
    }
  }
}

process.exitCode = await main();
