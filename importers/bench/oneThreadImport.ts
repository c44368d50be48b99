/**
 * The import as it ran before the job queue, for queueBench.ts's comparison: every file extracted and stored on
 * the main thread by importFiles, in a process of its own (as the command was), into the database the environment
 * chooses (DATABASE_URL or DATABASE_PATH). Prints the summary.
 */
import { openChosenDatabase } from "../../db/open";
import { formatReport, importFiles } from "../run/importFiles";

const opened = await openChosenDatabase();
try {
  console.log(formatReport(await importFiles(opened.sql, process.argv.slice(2), { databaseName: opened.name })));
} finally {
  await opened.close();
}
