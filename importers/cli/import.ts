import { openDatabase } from "../../db/client";
import { formatReport, importFiles } from "../run/importFiles";
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

function main(): number {
  const options = commandLineOrUsage(
    "import",
    "npm run import -- [--published YYYY-MM-DD] PATH...  (files or folders of .txt articles)",
  );
  if (!options) return 2;
  const handle = openDatabase();
  const report = importFiles(handle, options.paths, { publishedYear: options.publishedYear, onProgress: progressBar });
  handle.sqlite.close();
  console.log(formatReport(report));
  return report.errors.length ? 1 : 0;
}

process.exitCode = main();
