/**
 * A worker that takes one job and never finishes it, for the queue contract's kill test: prints the job's path,
 * then waits to be killed. QUEUE_KIND is "sqlite" (QUEUE_AT: the jobs file) or "pg-boss" (QUEUE_AT: the URL).
 */
import { openPgBossQueue } from "../../importers/jobs/pgBossQueue";
import { openSqliteQueue } from "../../importers/jobs/sqliteQueue";

const at = process.env.QUEUE_AT ?? "";
const queue =
  process.env.QUEUE_KIND === "pg-boss" ? await openPgBossQueue(at, { expireInSeconds: 1 }) : openSqliteQueue(at);
const [job] = await queue.fetch("holder", 1);
process.stdout.write(`${job?.path ?? "none"}\n`);
setInterval(() => {}, 60_000);
