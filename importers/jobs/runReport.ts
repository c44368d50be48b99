import { emptyReport, type ImportReport } from "../run/importFiles";
import type { JobOutcome, JobRow } from "./queue";

/**
 * The import command's summary of a run, made from its jobs (in the order the files were listed) as the queue
 * holds them: the same report the command printed when it imported on one thread. Errors found while listing
 * (a missing path, a link loop) never became jobs and come first, as they did.
 */
export function runReport(
  startedAt: string,
  listingErrors: Array<{ path: string; reason: string }>,
  jobs: JobRow[],
  fault: string | null,
  settledHere: Map<string, JobOutcome> = new Map(),
): ImportReport {
  const report = { ...emptyReport(), startedAt };
  report.errors.push(...listingErrors);
  for (const row of jobs) {
    // What this process settled counts even when the queue could not record it (its file's disk was full).
    const mine = settledHere.get(row.id);
    const job = mine ? { ...row, outcome: mine, state: mine.kind === "stored" ? "done" : "failed" } : row;
    const o = job.outcome;
    if (job.state === "failed") {
      if (!o || o.kind === "refused") {
        if (o?.read) report.filesRead++;
        report.errors.push({ path: job.path, reason: o?.reason ?? job.reason ?? "failed" });
      }
      continue;
    }
    if (job.state !== "done" || !o || o.kind !== "stored") continue;
    report.filesRead++;
    for (const r of o.rejected) report.figuresRejected.push({ path: job.path, reason: r.reason, quote: r.quote });
    if (o.status === "unchanged") report.articlesUnchanged++;
    else if (o.status === "dropped") report.articlesDropped++;
    else {
      if (o.status === "replaced") report.articlesReplaced++;
      else report.articlesImported++;
      report.factsWritten += o.facts;
      for (const [kind, n] of Object.entries(o.factsByKind) as Array<[keyof ImportReport["factsByKind"], number]>)
        report.factsByKind[kind] += n;
    }
  }
  if (fault) {
    report.fault = fault;
    report.notStored = jobs.filter(
      (j) => (j.state === "queued" || j.state === "active") && !settledHere.has(j.id),
    ).length;
  }
  return report;
}
