import { readFileSync } from "node:fs";
import { extractArticle } from "../pipeline";
import { listArticleFiles, rejectReason } from "../run/files";
import { commandLineOrUsage } from "../run/options";
import { explainArticle } from "./explain";

/** Prints the facts of articles as one JSON document on stdout; writes nothing anywhere else. */
function main(): number {
  const options = commandLineOrUsage(
    "extract",
    "npm run --silent extract -- --json|--explain [--published YYYY-MM-DD] PATH...",
  );
  if (!options) return 2;
  const { files, missing } = listArticleFiles(options.paths);
  let failed = missing.length;
  for (const p of missing) console.error(`extract: ${p}: no such file or folder`);
  const out = [];
  for (const file of files) {
    try {
      const bytes = readFileSync(file.path);
      const reason = rejectReason(bytes);
      if (reason) throw new Error(reason);
      const result = extractArticle(bytes, file.path, {
        publishedYear: options.publishedYear,
        publishedDate: options.publishedDate,
        explain: options.explain,
      });
      if (options.explain) console.log(explainArticle(result));
      const { cleanedText: _text, explain: _explain, ...article } = result;
      out.push(article);
    } catch (err) {
      failed++;
      console.error(`extract: ${file.path}: ${(err as Error).message}`);
    }
  }
  if (options.json) process.stdout.write(`${JSON.stringify({ articles: out }, null, 2)}\n`);
  else if (!options.explain)
    for (const a of out) console.log(`${a.path}: ${a.facts.length} facts (published ${a.publishedYear ?? "?"})`);
  return failed ? 1 : 0;
}

process.exitCode = main();
