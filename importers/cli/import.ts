import { databaseFault, quickCheck } from "../../db/faults";
import { chosenDatabaseName, type OpenedDatabase, openChosenDatabase } from "../../db/open";
import { emptyReport, formatReport, type ImportReport, importFiles } from "../run/importFiles";
import { commandLineOrUsage } from "../run/options";
import { printable } from "../run/printable";

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
 * Exit codes: 0 all imported, 1 some files skipped, 2 usage, 3 the database failed (the summary says why). Into
 * PostgreSQL when DATABASE_URL names one, else the SQLite file at DATABASE_PATH.
 */
async function main(): Promise<number> {
  const options = commandLineOrUsage(
    "import",
    "npm run import -- [--published YYYY-MM-DD] PATH...  (files or folders of .txt articles)",
  );
  if (!options) return 2;
  const name = chosenDatabaseName();
  let opened: OpenedDatabase | undefined;
  let report: ImportReport;
  try {
    opened = await openChosenDatabase();
    // A damaged file is refused before anything is written into it (about a second on a million facts).
    if (opened.sqlite) quickCheck(opened.sqlite.sqlite, name);
    report = await importFiles(opened.sql, options.paths, {
      publishedYear: options.publishedYear,
      onProgress: progressBar,
      databaseName: name,
    });
  } catch (err) {
    const fault = databaseFault(err, name);
    if (!fault) throw err;
    report = { ...emptyReport(), fault: fault.message };
  } finally {
    await closeQuietly(opened);
  }
  console.log(formatReport(report));
  if (report.fault) return 3;
  return report.errors.length ? 1 : 0;
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
