import { databaseFault } from "../../db/faults";
import type { Sql } from "../../db/sql";
import { type RunSummary, recordImportRun, saveArticle } from "../../db/store";
import { extractArticle } from "../pipeline";
import { type ArticleResult, FACT_KINDS, type Fact, type FactKind } from "../types";
import { listArticleFiles, rejectReason } from "./files";
import { printable } from "./printable";
import { readArticleBytes } from "./readArticle";

export interface ImportOptions {
  publishedYear?: number | null;
  /** Files larger than this are skipped with a message (IMPORT_MAX_BYTES, 20 MB by default). */
  maxBytes?: number;
  onProgress?: (done: number, total: number, path: string) => void;
  /** How a database fault names the database (its file, or PostgreSQL's address without the password). */
  databaseName?: string;
}

export interface ImportReport extends RunSummary {
  articlesReplaced: number;
  /** Articles deleted because their file now holds another stored article's bytes. */
  articlesDropped: number;
  factsByKind: Record<FactKind, number>;
  /** Figures found but turned away by validation, never stored: file, reason and the sentence. */
  figuresRejected: Array<{ path: string; reason: string; quote: string }>;
  /** The database fault that stopped the import, in one line; null when it ran to the end. */
  fault: string | null;
  /** Files listed but not stored because the fault stopped the import first. */
  notStored: number;
}

/** Articles per write transaction: short enough that a dashboard reading the database never waits long. */
const BATCH_ARTICLES = 64;

export function defaultMaxBytes(): number {
  const v = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 20 * 1024 * 1024;
}

/** A report of nothing done yet: also what the command prints when the database cannot even be opened. */
export function emptyReport(): ImportReport {
  return {
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
    fault: null,
    notStored: 0,
  };
}

type Tally = Pick<
  ImportReport,
  "articlesImported" | "articlesReplaced" | "articlesUnchanged" | "articlesDropped" | "factsWritten" | "errors"
> & { facts: Fact[] };

/**
 * Imports files and folders into the database; one bad file is reported and the rest go on. A fault of the
 * database itself (read-only, full, locked, corrupted) stops the import: the batch under way rolls back, and the
 * report counts only what was committed before, with the fault in `fault`.
 */
export async function importFiles(
  target: Sql | { sql: Sql; path: string },
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const db = "sql" in target ? target.sql : target;
  const maxBytes = options.maxBytes ?? defaultMaxBytes();
  const databaseName = options.databaseName ?? ("path" in target ? target.path : "database");
  const report = emptyReport();
  const { files, missing, skipped } = listArticleFiles(paths);
  for (const p of missing) report.errors.push({ path: p, reason: "no such file or folder" });
  report.errors.push(...skipped);
  // Articles are written in batches: one commit per batch instead of one per article keeps the import within
  // 2x of extraction alone. Each article still goes in whole or not at all (a savepoint inside the batch).
  let batch: Array<{ path: string; result: ArticleResult }> = [];
  // Files whose fate is known: refused, or in a committed batch. The rest are not stored if a fault stops us.
  let settled = 0;
  const flush = async () => {
    const pending = batch;
    batch = [];
    const tally: Tally = {
      articlesImported: 0,
      articlesReplaced: 0,
      articlesUnchanged: 0,
      articlesDropped: 0,
      factsWritten: 0,
      errors: [],
      facts: [],
    };
    await db.transaction(async (tx) => {
      for (const { path, result } of pending) {
        try {
          const outcome = await saveArticle(tx, result);
          if (outcome.status === "unchanged") tally.articlesUnchanged++;
          else if (outcome.status === "dropped") tally.articlesDropped++;
          else {
            if (outcome.status === "replaced") tally.articlesReplaced++;
            else tally.articlesImported++;
            tally.factsWritten += outcome.facts;
            tally.facts.push(...result.facts);
          }
        } catch (err) {
          // The database itself failing is no fault of this article: the whole batch rolls back.
          if (databaseFault(err, databaseName)) throw err;
          tally.errors.push({ path, reason: err instanceof Error ? err.message : String(err) });
        }
      }
    });
    // Counted only once committed, so the summary after a fault is what the database holds.
    const { facts, errors, ...counts } = tally;
    for (const [k, n] of Object.entries(counts) as Array<[keyof typeof counts, number]>) report[k] += n;
    report.errors.push(...errors);
    for (const f of facts) report.factsByKind[f.kind]++;
    settled += pending.length;
  };
  try {
    for (const [i, file] of files.entries()) {
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
      } catch (err) {
        report.errors.push({ path: file.path, reason: err instanceof Error ? err.message : String(err) });
        settled++;
      }
      if (batch.length >= BATCH_ARTICLES) await flush();
    }
    if (batch.length) await flush();
    options.onProgress?.(files.length, files.length, "");
    await recordImportRun(db, report);
  } catch (err) {
    const fault = databaseFault(err, databaseName);
    if (!fault) throw err;
    report.fault = fault.message;
    report.notStored = files.length - settled;
  }
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
    ...(r.fault
      ? [`Import stopped: ${printable(r.fault)}${r.notStored ? ` (${r.notStored} files listed were not stored)` : ""}`]
      : []),
  ];
  return lines.join("\n");
}
