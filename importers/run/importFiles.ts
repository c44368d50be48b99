import type { DbHandle } from "../../db/client";
import { type RunSummary, recordImportRun, saveArticle } from "../../db/store";
import { extractArticle } from "../pipeline";
import { type ArticleResult, FACT_KINDS, type FactKind } from "../types";
import { listArticleFiles, rejectReason } from "./files";
import { printable } from "./printable";
import { readArticleBytes } from "./readArticle";

export interface ImportOptions {
  publishedYear?: number | null;
  /** Files larger than this are skipped with a message (IMPORT_MAX_BYTES, 20 MB by default). */
  maxBytes?: number;
  onProgress?: (done: number, total: number, path: string) => void;
}

export interface ImportReport extends RunSummary {
  articlesReplaced: number;
  /** Articles deleted because their file now holds another stored article's bytes. */
  articlesDropped: number;
  factsByKind: Record<FactKind, number>;
  /** Figures found but turned away by validation, never stored: file, reason and the sentence. */
  figuresRejected: Array<{ path: string; reason: string; quote: string }>;
}

/** Articles per write transaction: short enough that a dashboard reading the database never waits long. */
const BATCH_ARTICLES = 64;

export function defaultMaxBytes(): number {
  const v = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 20 * 1024 * 1024;
}

/** Imports files and folders into the database; one bad file is reported and the rest go on. */
export function importFiles(handle: DbHandle, paths: string[], options: ImportOptions = {}): ImportReport {
  const maxBytes = options.maxBytes ?? defaultMaxBytes();
  const report: ImportReport = {
    startedAt: new Date().toISOString(),
    filesRead: 0,
    articlesImported: 0,
    articlesUnchanged: 0,
    articlesReplaced: 0,
    articlesDropped: 0,
    factsWritten: 0,
    errors: [],
    factsByKind: Object.fromEntries(FACT_KINDS.map((k) => [k, 0])) as Record<FactKind, number>,
    figuresRejected: [],
  };
  const { files, missing, skipped } = listArticleFiles(paths);
  for (const p of missing) report.errors.push({ path: p, reason: "no such file or folder" });
  report.errors.push(...skipped);
  // Articles are written in batches: one commit per batch instead of one per article keeps the import within
  // 2x of extraction alone. Each article still goes in whole or not at all (a savepoint inside the batch).
  let batch: Array<{ path: string; result: ArticleResult }> = [];
  const flush = () => {
    const pending = batch;
    batch = [];
    handle.sqlite
      .transaction(() => {
        for (const { path, result } of pending) {
          try {
            const outcome = saveArticle(handle, result);
            if (outcome.status === "unchanged") report.articlesUnchanged++;
            else if (outcome.status === "dropped") report.articlesDropped++;
            else {
              if (outcome.status === "replaced") report.articlesReplaced++;
              else report.articlesImported++;
              report.factsWritten += outcome.facts;
              for (const f of result.facts) report.factsByKind[f.kind]++;
            }
          } catch (err) {
            report.errors.push({ path, reason: err instanceof Error ? err.message : String(err) });
          }
        }
      })
      .immediate();
  };
  files.forEach((file, i) => {
    options.onProgress?.(i, files.length, file.path);
    try {
      const bytes = readArticleBytes(file.resolved, maxBytes);
      report.filesRead++;
      const reason = rejectReason(bytes);
      if (reason) throw new Error(reason);
      // Stored under its real path: `in/a.txt` and `./in/../in/a.txt` are one article.
      const result = extractArticle(bytes, file.resolved, { publishedYear: options.publishedYear });
      for (const r of result.rejected)
        report.figuresRejected.push({ path: file.path, reason: r.reason, quote: r.quote });
      batch.push({ path: file.path, result });
      if (batch.length >= BATCH_ARTICLES) flush();
    } catch (err) {
      report.errors.push({ path: file.path, reason: err instanceof Error ? err.message : String(err) });
    }
  });
  if (batch.length) flush();
  options.onProgress?.(files.length, files.length, "");
  recordImportRun(handle, report);
  return report;
}

export function formatReport(r: ImportReport): string {
  const kinds = Object.entries(r.factsByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const lines = [
    `Files read: ${r.filesRead}; articles imported: ${r.articlesImported}, replaced: ${r.articlesReplaced}, unchanged: ${r.articlesUnchanged}, dropped as copies of another article: ${r.articlesDropped}`,
    `Facts written: ${r.factsWritten} (${kinds})`,
    `Files skipped: ${r.errors.length}`,
    // Names and reasons come from the disk: escaped, so a newline or an escape code in a name cannot forge a line.
    ...r.errors.map((e) => `  ${printable(e.path)}: ${printable(e.reason)}`),
    ...(r.figuresRejected.length
      ? [
          `Figures rejected as impossible, not stored: ${r.figuresRejected.length}`,
          ...r.figuresRejected.map((f) => `  ${printable(f.path)}: ${printable(f.reason)}`),
        ]
      : []),
  ];
  return lines.join("\n");
}
