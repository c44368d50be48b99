/**
 * The import as it ran before the job queue, for queueBench.ts's comparison: every file extracted and stored on
 * the main thread by importFiles, in a process of its own (as the command was). Prints the summary.
 */
import { openDatabase } from "../../db/client";
import { formatReport, importFiles } from "../run/importFiles";

const handle = openDatabase(process.env.DATABASE_PATH);
console.log(formatReport(await importFiles(handle, process.argv.slice(2))));
handle.sqlite.close();
