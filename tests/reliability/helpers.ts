/**
 * Shared helpers of the reliability tests: temporary folders, folders of distinct articles, the import command run
 * as a child process (in its own process group, so the whole tree can be killed), and checks of what a database
 * holds against what extraction gives for each file's bytes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";
import { type DbHandle, openDatabase } from "../../db/client";
import { generateArticle } from "../../importers/bench/corpusGen";
import { extractArticle } from "../../importers/pipeline";
import { importFiles } from "../../importers/run/importFiles";
import type { Fact } from "../../importers/types";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(REPO, "node_modules", ".bin", "tsx");
/** The BBC dev corpus, read-only; its files are copied into temporary folders only, never into the repository. */
export const CORPUS = "/work/shared/corpus/bbc-business-dev";

// ---------------------------------------------------------------- temporary folders and child processes

const tempDirs: string[] = [];
const running = new Set<ChildProcess>();

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `figures-reliability-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** A database at `path` holding the seed articles, closed (and so checkpointed into the file); returns the path. */
export async function seededDatabase(path: string): Promise<string> {
  const handle = openDatabase(path);
  await importFiles(handle, ["seeds"]);
  handle.sqlite.close();
  return path;
}

/** For afterAll: kills any import still running (its whole process group) and removes the temporary folders. */
export function cleanupAll(): void {
  for (const child of running) killGroup(child, "SIGKILL");
  running.clear();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the process group (tsx starts node as a child of its own).
    process.kill(-child.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

export interface ImportExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export interface RunningImport {
  child: ChildProcess;
  /** Settles once the process group's stdout and stderr are closed: no process of the tree holds the database. */
  done: Promise<ImportExit>;
  exited: () => boolean;
}

/**
 * Starts `tsx importers/cli/import.ts PATH...` (what `npm run import` runs) against `dbPath`. stdout is a pipe, not
 * a TTY, so there is no progress bar. After `timeoutMs` the whole group is killed and `timedOut` is set. `options`
 * run it as another user (root cannot be refused a folder, so tests of permissions run as nobody) or add to its
 * environment.
 */
export function startImport(
  dbPath: string,
  paths: string[],
  timeoutMs: number,
  options: { uid?: number; gid?: number; env?: Record<string, string> } = {},
): RunningImport {
  const started = performance.now();
  const child = spawn(TSX, ["importers/cli/import.ts", ...paths], {
    cwd: REPO,
    env: { ...process.env, DATABASE_PATH: dbPath, IMPORT_MAX_BYTES: "", ...options.env },
    detached: true,
    uid: options.uid,
    gid: options.gid,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  let exited = false;
  child.stdout?.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
  });
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child, "SIGKILL");
  }, timeoutMs);
  const done = new Promise<ImportExit>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      exited = true;
      running.delete(child);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    });
  });
  return { child, done, exited: () => exited };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ImportSummary {
  filesRead: number;
  imported: number;
  replaced: number;
  unchanged: number;
  factsWritten: number;
  skipped: number;
}

/** The counts of the run summary the import command prints on stdout (formatReport). */
export function parseSummary(stdout: string): ImportSummary {
  const files = /Files read: (\d+); articles imported: (\d+), replaced: (\d+), unchanged: (\d+)/.exec(stdout);
  const facts = /Facts written: (\d+)/.exec(stdout);
  const skipped = /Files skipped: (\d+)/.exec(stdout);
  if (!files || !facts || !skipped) throw new Error(`no run summary in the import's output:\n${stdout}`);
  return {
    filesRead: Number(files[1]),
    imported: Number(files[2]),
    replaced: Number(files[3]),
    unchanged: Number(files[4]),
    factsWritten: Number(facts[1]),
    skipped: Number(skipped[1]),
  };
}

/** Exit code, signal and the tail of the output, for assertion messages. */
export function describeExit(e: ImportExit): string {
  return `code ${e.code}, signal ${e.signal}, timed out ${e.timedOut}, ${Math.round(e.ms)} ms\nstdout: ${e.stdout.slice(-1500)}\nstderr: ${e.stderr.slice(-3000)}`;
}

// ---------------------------------------------------------------- folders of articles

/**
 * Writes `count` distinct article files into `dir`: copies of the BBC dev corpus (each with a unique line appended,
 * so no two share a sha256) for up to `corpusCopies` of them, when the corpus is present, and generated articles
 * (importers/bench/corpusGen) for the rest. Returns the paths, sorted as the importer lists them.
 */
export function writeArticles(dir: string, count: number, options: { corpusCopies?: number; seed?: number } = {}) {
  const seed = options.seed ?? 7;
  const corpus = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((n) => n.endsWith(".txt"))
        .sort()
    : [];
  const copies = Math.min(options.corpusCopies ?? 0, count);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `a${String(i).padStart(5, "0")}.txt`);
    if (i < copies && corpus.length) {
      const source = readFileSync(join(CORPUS, corpus[i % corpus.length]));
      writeFileSync(path, Buffer.concat([source, Buffer.from(`\n(Reliability copy ${seed}-${i}.)\n`)]));
    } else {
      // Small generated articles of 800 to 2,000 bytes, each with its own serial.
      writeFileSync(path, generateArticle(seed * 100_000 + i, 800 + ((i * 37) % 1200), seed));
    }
    paths.push(path);
  }
  return paths.sort();
}

export interface Expected {
  path: string;
  sha256: string;
  title: string;
  cleanedText: string;
  facts: Fact[];
}

/** What extraction gives for each file's bytes (after refining), keyed by path as the importer stores it. */
export function expectedArticles(paths: string[]): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const shas = new Set<string>();
  for (const path of paths) {
    // The import command passes the --published year, null when not given.
    const r = extractArticle(readFileSync(path), path, { publishedYear: null });
    if (shas.has(r.sha256)) throw new Error(`test setup: ${path} has the same bytes as another file`);
    shas.add(r.sha256);
    out.set(path, { path, sha256: r.sha256, title: r.title || r.path, cleanedText: r.cleanedText, facts: r.facts });
  }
  return out;
}

export const totalFacts = (expected: Map<string, Expected>) =>
  [...expected.values()].reduce((n, e) => n + e.facts.length, 0);

// ---------------------------------------------------------------- reading the database

type Sqlite = Database.Database;
const sqliteOf = (db: DbHandle | Sqlite): Sqlite => ("sqlite" in db ? db.sqlite : db);

export function count(db: DbHandle | Sqlite, table: "articles" | "facts" | "companies" | "import_runs"): number {
  return (sqliteOf(db).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** PRAGMA integrity_check's rows: ["ok"] for a sound file. */
export function integrityCheck(db: DbHandle | Sqlite): string[] {
  return (sqliteOf(db).pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
}

/** sha256 values and source paths stored more than once (each should be stored once). */
export function duplicates(db: DbHandle | Sqlite): { sha256: unknown[]; sourcePath: unknown[] } {
  const s = sqliteOf(db);
  return {
    sha256: s.prepare("SELECT sha256, count(*) AS n FROM articles GROUP BY sha256 HAVING n > 1 LIMIT 10").all(),
    sourcePath: s
      .prepare("SELECT source_path, count(*) AS n FROM articles GROUP BY source_path HAVING n > 1 LIMIT 10")
      .all(),
  };
}

const aliasKey = (s: string) => s.trim().toLowerCase();

interface StoredFact {
  articleId: number;
  kind: string;
  companyId: number;
  counterpartyId: number | null;
  market: string | null;
  year: number | null;
  period: string | null;
  low: number;
  high: number;
  unit: string;
  status: string;
  approximate: number;
  comparedYear: number | null;
  comparedPeriod: string | null;
  quote: string;
  start: number;
  end: number;
  figureStart: number | null;
  figureEnd: number | null;
  stated: string;
}

/**
 * Every way the stored articles differ from what extraction gives for their files: an article whose sha256, title
 * or cleaned text differ, or whose facts (in order, field by field, companies resolved through the alias table)
 * are not exactly the extracted ones; facts without an article; foreign keys broken. Empty when every article is
 * whole. Reads in one transaction, so the check sees one snapshot even while an import writes.
 */
export function articleProblems(db: DbHandle | Sqlite, expected: Map<string, Expected>): string[] {
  const s = sqliteOf(db);
  return s.transaction(() => {
    const problems: string[] = [];
    const articles = s
      .prepare("SELECT id, source_path AS path, sha256, title, cleaned_text AS cleanedText FROM articles")
      .all() as Array<{ id: number; path: string; sha256: string; title: string; cleanedText: string }>;
    const owner = new Map(
      (
        s.prepare("SELECT alias, company_id AS id FROM company_aliases").all() as Array<{ alias: string; id: number }>
      ).map((r) => [r.alias, r.id]),
    );
    const byArticle = new Map<number, StoredFact[]>();
    const rows = s
      .prepare(
        `SELECT article_id AS articleId, kind, company_id AS companyId, counterparty_id AS counterpartyId, market, year,
           period, low, high, unit, status, approximate, compared_year AS comparedYear,
           compared_period AS comparedPeriod, quote, start, "end", figure_start AS figureStart,
           figure_end AS figureEnd, stated
         FROM facts ORDER BY article_id, id`,
      )
      .all() as StoredFact[];
    for (const row of rows) {
      const list = byArticle.get(row.articleId);
      if (list) list.push(row);
      else byArticle.set(row.articleId, [row]);
    }
    const ids = new Set(articles.map((a) => a.id));
    const orphans = [...byArticle.keys()].filter((id) => !ids.has(id));
    if (orphans.length) problems.push(`facts of missing articles ${orphans.slice(0, 10).join(", ")}`);
    const fkErrors = s.pragma("foreign_key_check") as unknown[];
    if (fkErrors.length) problems.push(`foreign_key_check: ${JSON.stringify(fkErrors.slice(0, 5))}`);
    for (const a of articles) {
      const e = expected.get(a.path);
      if (!e) {
        problems.push(`${a.path}: stored, but not a file of the run`);
        continue;
      }
      if (a.sha256 !== e.sha256) problems.push(`${a.path}: sha256 ${a.sha256}, file's is ${e.sha256}`);
      if (a.title !== e.title) problems.push(`${a.path}: title ${JSON.stringify(a.title)}, expected ${e.title}`);
      if (a.cleanedText !== e.cleanedText) problems.push(`${a.path}: cleaned text differs from extraction's`);
      const stored = (byArticle.get(a.id) ?? []).map(({ articleId: _, ...f }) => JSON.stringify(f));
      const want = e.facts.map((f) => JSON.stringify(expectedRow(f, owner)));
      if (stored.length !== want.length) {
        problems.push(`${a.path}: ${stored.length} facts stored, extraction gives ${want.length}`);
        continue;
      }
      const i = stored.findIndex((f, k) => f !== want[k]);
      if (i >= 0) problems.push(`${a.path}: fact ${i} stored as ${stored[i]}, extraction gives ${want[i]}`);
    }
    return problems.length > 20 ? [...problems.slice(0, 20), `… and ${problems.length - 20} more`] : problems;
  })();
}

/** The row store.ts writes for a fact, in the column order articleProblems selects. */
function expectedRow(f: Fact, owner: Map<string, number>): Omit<StoredFact, "articleId"> {
  return {
    kind: f.kind,
    companyId: owner.get(aliasKey(f.company)) ?? -1,
    counterpartyId: f.counterparty ? (owner.get(aliasKey(f.counterparty)) ?? -1) : null,
    market: f.market,
    year: f.year,
    period: f.period,
    low: f.low,
    high: f.high,
    unit: f.unit,
    status: f.status,
    approximate: f.approximate ? 1 : 0,
    comparedYear: f.comparedTo?.year ?? null,
    comparedPeriod: f.comparedTo?.period ?? null,
    quote: f.quote,
    start: f.start,
    end: f.end,
    figureStart: f.figureStart,
    figureEnd: f.figureEnd,
    stated: JSON.stringify(f.stated),
  };
}

/** Polls `condition` every `intervalMs` until it holds; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string, intervalMs = 20) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Whether some process of `child`'s process group has `file` open (read from /proc; Linux). null where /proc cannot
 * tell.
 */
export function groupHasOpen(child: ChildProcess, file: string): boolean | null {
  if (child.pid === undefined || !existsSync("/proc/self/fd")) return null;
  const target = realpathSync(file);
  for (const pid of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== child.pid) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        if (readlinkSafe(`/proc/${pid}/fd/${fd}`) === target) return true;
      }
    } catch {
      // The process ended while being read.
    }
  }
  return false;
}

function readlinkSafe(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}
