import { type DbHandle, defaultDatabasePath, openDatabase } from "../../db/client";
import { databaseFault, quickCheck } from "../../db/faults";
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

/** Exit codes: 0 all imported, 1 some files skipped, 2 usage, 3 the database failed (the summary says why). */
function main(): number {
  const options = commandLineOrUsage(
    "import",
    "npm run import -- [--published YYYY-MM-DD] PATH...  (files or folders of .txt articles)",
  );
  if (!options) return 2;
  const path = defaultDatabasePath();
  let handle: DbHandle | undefined;
  let report: ImportReport;
  try {
    handle = openDatabase(path);
    // A damaged file is refused before anything is written into it (about a second on a million facts).
    quickCheck(handle.sqlite, path);
    report = importFiles(handle, options.paths, { publishedYear: options.publishedYear, onProgress: progressBar });
  } catch (err) {
    const fault = databaseFault(err, path);
    if (!fault) throw err;
    report = { ...emptyReport(), fault: fault.message };
  } finally {
    closeQuietly(handle);
  }
  console.log(formatReport(report));
  if (report.fault) return 3;
  return report.errors.length ? 1 : 0;
}

/** Closing after a fault can fail the same way (a checkpoint into a full disk): the summary matters more. */
function closeQuietly(handle: DbHandle | undefined): void {
  try {
    handle?.sqlite.close();
  } catch {
    // The fault is already in the report.
  }
}

process.exitCode = main();
